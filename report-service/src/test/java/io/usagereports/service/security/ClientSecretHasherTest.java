package io.usagereports.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientSecretHasherTest {

    /** The database's key table, in memory: what two servers sharing one database see. */
    static final class KeyTable extends SecretHashKeyRepository {
        final List<SecretHashKeyEntity> rows = new ArrayList<>();

        @Override
        public List<SecretHashKeyEntity> all() {
            return List.copyOf(rows);
        }

        @Override
        public void add(SecretHashKeyEntity key) {
            rows.add(key);
        }
    }

    private static ClientSecretHasher server(KeyTable table) {
        ClientSecretHasher hasher = new ClientSecretHasher();
        hasher.store = table;
        hasher.clock = Clock.systemUTC();
        return hasher;
    }

    @Test
    void aSecretMatchesItsKeyedHashAndNothingElseDoes() {
        ClientSecretHasher hasher = server(new KeyTable());
        String secret = PasswordHasher.newSecret();

        String stored = hasher.hash(secret);

        assertThat(stored).startsWith("hmac-sha256$").doesNotContain(secret);
        assertThat(ClientSecretHasher.isCurrent(stored)).isTrue();
        assertThat(hasher.matches(secret, stored)).isTrue();
        assertThat(hasher.matches(secret + "x", stored)).isFalse();
        assertThat(hasher.matches(PasswordHasher.newSecret(), stored)).isFalse();
        assertThat(hasher.matches(null, stored)).isFalse();
    }

    @Test
    void everyServerOfTheDatabaseChecksTheHashesOfTheOthers() {
        KeyTable table = new KeyTable();
        ClientSecretHasher first = server(table);
        String secret = PasswordHasher.newSecret();
        String stored = first.hash(secret);

        ClientSecretHasher second = server(table);

        assertThat(second.matches(secret, stored)).isTrue();
        assertThat(second.hash(secret)).as("one key for all servers").isEqualTo(stored);
        assertThat(table.rows).hasSize(1);
    }

    @Test
    void aHashNamingAnUnknownKeyMatchesNothing() {
        ClientSecretHasher hasher = server(new KeyTable());
        String secret = PasswordHasher.newSecret();
        String stored = hasher.hash(secret);
        String[] parts = stored.split("\\$");

        assertThat(hasher.matches(secret, parts[0] + "$no-such-key$" + parts[2]))
                .isFalse();
    }

    @Test
    void aSecretStoredAsASlowHashByAnEarlierVersionStillMatchesAndIsToBeReplaced() {
        ClientSecretHasher hasher = server(new KeyTable());
        String secret = PasswordHasher.newSecret();
        String legacy = PasswordHasher.hash(secret);

        assertThat(hasher.matches(secret, legacy)).isTrue();
        assertThat(hasher.matches(secret + "x", legacy)).isFalse();
        assertThat(ClientSecretHasher.isCurrent(legacy)).isFalse();
    }
}
