package io.usagereports.service.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.service.testing.MovableClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The per-server cache that lets a revoked client's tokens through for a few seconds at most. */
class ActiveClientsTest {

    private static final UUID CLIENT = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();

    private final MovableClock clock = new MovableClock();

    /** The database as the directory's tables would answer, and how often it was asked. */
    private final Map<UUID, ActiveClients.ClientStatus> table = new HashMap<>();

    private int reads;

    private final ActiveClients active = new ActiveClients() {
        @Override
        Optional<ClientStatus> read(UUID clientId) {
            reads++;
            return Optional.ofNullable(table.get(clientId));
        }
    };

    ActiveClientsTest() {
        active.checkSeconds = 5;
        active.clock = clock;
        table.put(CLIENT, new ActiveClients.ClientStatus(USER, true));
    }

    @Test
    void aDeletedClientIsRefusedOnceItsCacheEntryExpires() {
        assertThat(active.isActive(CLIENT, USER)).isTrue();
        table.remove(CLIENT); // deleted through another server

        clock.advance(Duration.ofSeconds(4));
        assertThat(active.isActive(CLIENT, USER)).as("cached").isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(active.isActive(CLIENT, USER)).as("after 5 s").isFalse();
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void aDisabledUserIsRefusedAtOnceWhereTheChangeWasMade() {
        assertThat(active.isActive(CLIENT, USER)).isTrue();
        table.put(CLIENT, new ActiveClients.ClientStatus(USER, false));

        active.changed(new AccessChanged());

        assertThat(active.isActive(CLIENT, USER)).isFalse();
        table.put(CLIENT, new ActiveClients.ClientStatus(USER, true));
        active.changed(new AccessChanged());
        assertThat(active.isActive(CLIENT, USER)).as("enabled again").isTrue();
    }

    @Test
    void aTokenMustNameTheClientsOwnUser() {
        assertThat(active.isActive(CLIENT, UUID.randomUUID())).isFalse();
        assertThat(active.isActive(UUID.randomUUID(), USER)).isFalse();
    }

    @Test
    void theDatabaseIsAskedOncePerClientAndInterval() {
        for (int i = 0; i < 100; i++) {
            active.isActive(CLIENT, USER);
            clock.advance(Duration.ofMillis(100));
        }

        assertThat(reads).isEqualTo(2);
    }
}
