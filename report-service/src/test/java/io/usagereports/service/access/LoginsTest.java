package io.usagereports.service.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.usagereports.service.common.ServiceException;
import io.usagereports.service.directory.UserService;
import io.usagereports.service.security.Actor;
import io.usagereports.service.security.PasswordHasher;
import io.usagereports.service.testing.MovableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Basic logins go through the throttle before any password is hashed (docs/api.md §2). */
class LoginsTest {

    private static final String PASSWORD = "the-right-password-42";
    private static final String HASH = PasswordHasher.hash(PASSWORD);

    /** The user directory with one user, "alice": every check costs a real PBKDF2 hash, and is counted. */
    static final class OneUser extends UserService {
        int checks;

        @Override
        public Optional<Actor> authenticate(String login, String password) {
            checks++;
            boolean matches = PasswordHasher.matches(password, HASH);
            return login.equals("alice") && matches
                    ? Optional.of(new Actor(UUID.randomUUID(), null, List.of()))
                    : Optional.empty();
        }
    }

    private final MovableClock clock = new MovableClock();
    private final OneUser users = new OneUser();
    private final Logins logins = logins();

    private Logins logins() {
        Logins logins = new Logins();
        logins.users = users;
        logins.throttle = LoginThrottleTest.throttle(clock);
        return logins;
    }

    private ServiceException failure(String password, String address) {
        return catchThrowableOfType(() -> logins.authenticate("alice", password, address), ServiceException.class);
    }

    @Test
    void aLockedOutCallerCostsNoHashAndIsRefusedEvenWithTheRightPassword() {
        for (int i = 0; i < 10; i++) {
            assertThat(failure("wrong-" + i, "203.0.113.7").kind()).isEqualTo(ServiceException.Kind.UNAUTHENTICATED);
        }
        assertThat(users.checks).isEqualTo(10);

        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            assertThat(failure("wrong-again-" + i, "203.0.113.7").kind())
                    .isEqualTo(ServiceException.Kind.TOO_MANY_ATTEMPTS);
        }
        Duration burst = Duration.ofNanos(System.nanoTime() - start);

        assertThat(users.checks).as("no password was hashed while locked").isEqualTo(10);
        assertThat(burst).isLessThan(Duration.ofSeconds(1));
        assertThat(failure(PASSWORD, "203.0.113.7").kind()).isEqualTo(ServiceException.Kind.TOO_MANY_ATTEMPTS);
        assertThat(logins.authenticate("alice", PASSWORD, "198.51.100.20"))
                .as("the owner, from another address")
                .isNotNull();

        clock.advance(Duration.ofMinutes(5));
        assertThat(logins.authenticate("alice", PASSWORD, "203.0.113.7")).isNotNull();
    }
}
