package io.usagereports.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void matchesOnlyTheHashedSecret() {
        String hash = PasswordHasher.hash("correct horse battery");

        assertThat(PasswordHasher.matches("correct horse battery", hash)).isTrue();
        assertThat(PasswordHasher.matches("correct horse batterY", hash)).isFalse();
        assertThat(PasswordHasher.matches("", hash)).isFalse();
        assertThat(PasswordHasher.matches(null, hash)).isFalse();
    }

    @Test
    void saltsEveryHashAndNamesItsAlgorithmAndCost() {
        String first = PasswordHasher.hash("same secret");
        String second = PasswordHasher.hash("same secret");

        assertThat(first)
                .isNotEqualTo(second)
                .startsWith("pbkdf2-sha512$210000$")
                .doesNotContain("same secret");
        assertThat(PasswordHasher.matches("same secret", second)).isTrue();
    }

    @Test
    void refusesStoredValuesItDoesNotKnow() {
        assertThat(PasswordHasher.matches("x", "plain-x")).isFalse();
        assertThat(PasswordHasher.matches("x", "md5$1$a$b")).isFalse();
        assertThat(PasswordHasher.matches("x", null)).isFalse();
    }

    @Test
    void newSecretsAreLongAndDistinct() {
        assertThat(PasswordHasher.newSecret()).hasSize(43).isNotEqualTo(PasswordHasher.newSecret());
    }
}
