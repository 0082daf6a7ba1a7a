package io.usagereports.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.model.directory.Token;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The renewal rule of {@link Credentials.BearerTokens}, on a clock the test moves. */
class BearerTokensTest {

    private static final Instant START = Instant.parse("2026-05-08T07:00:00Z");
    private static final long LIFETIME = 3600;

    private final MovableClock clock = new MovableClock(START);
    private final List<String> grants = new ArrayList<>();
    private final AtomicInteger endpointsBuilt = new AtomicInteger();

    /** Issues token {@code tN} for the N-th request, valid for an hour from the clock's now. */
    private final Credentials.BearerTokens tokens = new Credentials.BearerTokens(
            () -> {
                endpointsBuilt.incrementAndGet();
                return (authorization, grantType) -> {
                    grants.add(authorization + " " + grantType);
                    return new Token(
                            "t" + grants.size(), "bearer", clock.instant().getEpochSecond() + LIFETIME, "all");
                };
            },
            "Basic Y2xpZW50OnNlY3JldA==",
            clock);

    @Test
    void aTokenIsKeptUntilAMinuteBeforeItExpiresAndRenewedFromThen() {
        assertThat(tokens.token()).isEqualTo("t1");

        clock.set(START.plusSeconds(LIFETIME - Credentials.BearerTokens.RENEW_BEFORE_SECONDS - 1));
        assertThat(tokens.token()).isEqualTo("t1");

        clock.set(START.plusSeconds(LIFETIME - Credentials.BearerTokens.RENEW_BEFORE_SECONDS));
        assertThat(tokens.token()).isEqualTo("t2");
        assertThat(tokens.token()).isEqualTo("t2");

        assertThat(grants)
                .containsExactly(
                        "Basic Y2xpZW50OnNlY3JldA== client_credentials",
                        "Basic Y2xpZW50OnNlY3JldA== client_credentials");
    }

    @Test
    void theTokenEndpointIsBuiltOnceAndOnlyWhenATokenIsFirstNeeded() {
        assertThat(endpointsBuilt).hasValue(0);

        tokens.token();
        clock.set(START.plusSeconds(2 * LIFETIME));
        tokens.token();

        assertThat(grants).hasSize(2);
        assertThat(endpointsBuilt).hasValue(1);
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
