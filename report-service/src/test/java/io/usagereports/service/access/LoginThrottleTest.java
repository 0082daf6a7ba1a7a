package io.usagereports.service.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.usagereports.model.common.ErrorCodes;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.testing.MovableClock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The limits of failed sign-ins (docs/api.md §2), with the source address as a parameter. */
class LoginThrottleTest {

    private static final String ATTACKER = "203.0.113.7";
    private static final String OWNER = "198.51.100.20";

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = throttle(clock);

    static LoginThrottle throttle(MovableClock clock) {
        LoginThrottle throttle = new LoginThrottle();
        throttle.clock = clock;
        throttle.maxFailures = 10;
        throttle.maxFailuresPerAddress = 100;
        throttle.windowSeconds = 300;
        return throttle;
    }

    private void fail(String credential, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.begin(credential, address); // never succeeds: a failure
        }
    }

    private ServiceException refused(String credential, String address) {
        ServiceException e = catchThrowableOfType(() -> throttle.begin(credential, address), ServiceException.class);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.kind()).isEqualTo(ServiceException.Kind.TOO_MANY_ATTEMPTS);
        assertThat(e.code()).isEqualTo(ErrorCodes.TOO_MANY_ATTEMPTS);
        return e;
    }

    private void allowed(String credential, String address) {
        assertThatCode(() -> throttle.begin(credential, address).succeeded()).doesNotThrowAnyException();
    }

    @Test
    void tenFailuresOfOneLoginFromOneAddressLockItThereAndOnlyThere() {
        String alice = LoginThrottle.login("alice");
        fail(alice, ATTACKER, 10);

        ServiceException e = refused(alice, ATTACKER);
        assertThat(e.context()).containsEntry("retry_after", 300L);
        allowed(alice, OWNER);
        allowed(LoginThrottle.login("bob"), ATTACKER);
        assertThat(refused(alice, ATTACKER).context())
                .as("the owner's success elsewhere does not unlock the attacker")
                .containsEntry("retry_after", 300L);
    }

    @Test
    void theLockLiftsWhenTheOldestFailureLeavesTheWindowAndRefusalsDoNotExtendIt() {
        String alice = LoginThrottle.login("alice");
        fail(alice, ATTACKER, 1);
        clock.advance(Duration.ofSeconds(100));
        fail(alice, ATTACKER, 9);
        clock.advance(Duration.ofSeconds(60));
        for (int i = 0; i < 50; i++) {
            refused(alice, ATTACKER);
        }

        assertThat(refused(alice, ATTACKER).context()).containsEntry("retry_after", 140L);
        clock.advance(Duration.ofSeconds(140));
        fail(alice, ATTACKER, 1); // one more try, once the first failure has aged out
        assertThat(refused(alice, ATTACKER).context())
                .as("the next oldest, 100 s younger, lifts next")
                .containsEntry("retry_after", 100L);
    }

    @Test
    void oneAddressSprayingManyLoginsIsStoppedByTheAddressLimit() {
        for (int i = 0; i < 100; i++) {
            fail(LoginThrottle.login("user" + i), ATTACKER, 1);
        }

        refused(LoginThrottle.login("someone-else"), ATTACKER);
        refused(LoginThrottle.client(UUID.randomUUID().toString()), ATTACKER);
        allowed(LoginThrottle.login("someone-else"), OWNER);
        clock.advance(Duration.ofSeconds(300));
        allowed(LoginThrottle.login("someone-else"), ATTACKER);
    }

    @Test
    void aSuccessForgetsItsOwnFailuresOnlyAndIsNotAFailure() {
        String alice = LoginThrottle.login("alice");
        fail(alice, ATTACKER, 9);
        fail(alice, OWNER, 9);

        throttle.begin(alice, OWNER).succeeded();

        fail(alice, OWNER, 10); // forgotten: ten more before the lock
        refused(alice, OWNER);
        fail(alice, ATTACKER, 1);
        refused(alice, ATTACKER);
    }

    @Test
    void successesDoNotCountAgainstTheAddressAndDoNotResetIt() {
        for (int i = 0; i < 99; i++) {
            fail(LoginThrottle.login("user" + i), ATTACKER, 1);
        }
        for (int i = 0; i < 20; i++) {
            throttle.begin(LoginThrottle.login("mine"), ATTACKER).succeeded();
        }

        fail(LoginThrottle.login("user-99"), ATTACKER, 1);
        refused(LoginThrottle.login("mine"), ATTACKER);
    }

    @Test
    void anAbandonedAttemptIsNotCounted() {
        String alice = LoginThrottle.login("alice");
        for (int i = 0; i < 50; i++) {
            throttle.begin(alice, ATTACKER).abandoned();
        }

        fail(alice, ATTACKER, 10);
        refused(alice, ATTACKER);
    }

    @Test
    void aClientIdCountsAsOneWhateverItsCaseAndLongLoginsShareAKey() {
        String id = UUID.randomUUID().toString();
        for (int i = 0; i < 10; i++) {
            fail(LoginThrottle.client(i % 2 == 0 ? id : id.toUpperCase()), ATTACKER, 1);
        }

        refused(LoginThrottle.client(id.toUpperCase()), ATTACKER);
        assertThat(LoginThrottle.client("not a uuid")).isEqualTo(LoginThrottle.client("also not"));
        assertThat(LoginThrottle.login("x".repeat(65))).isEqualTo(LoginThrottle.login("y".repeat(300)));
        assertThat(LoginThrottle.login("x".repeat(64))).isNotEqualTo(LoginThrottle.login("y".repeat(64)));
        assertThat(LoginThrottle.login("client:" + id)).isNotEqualTo(LoginThrottle.client(id));
    }

    @Test
    void anIpv6AddressCountsByItsSlash64() {
        assertThat(LoginThrottle.addressKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(LoginThrottle.addressKey("2001:0db8:0001:0002:ffff:1:2:3"))
                .isNotEqualTo(LoginThrottle.addressKey("2001:db8:1:3::1"));
        assertThat(LoginThrottle.addressKey("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(LoginThrottle.addressKey("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(LoginThrottle.addressKey(null)).isEqualTo("unknown");

        String alice = LoginThrottle.login("alice");
        fail(alice, "2001:db8:1:2::10", 10);
        refused(alice, "2001:db8:1:2::99");
        allowed(alice, "2001:db8:1:3::10");
    }

    @Test
    void expiredFailuresAreForgottenAndMemoryStaysBounded() {
        for (int i = 0; i < 30_000; i++) {
            fail(LoginThrottle.login("user" + i), "10.0." + (i / 250) + "." + (i % 250), 1);
        }
        assertThat(throttle.trackedKeys()[0]).isEqualTo(30_000);

        clock.advance(Duration.ofSeconds(301));
        fail(LoginThrottle.login("late"), OWNER, 1);

        assertThat(throttle.trackedKeys()).containsExactly(1, 1);
    }
}
