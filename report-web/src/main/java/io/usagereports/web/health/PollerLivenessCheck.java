package io.usagereports.web.health;

import io.usagereports.service.runs.RunPoller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while this server's run poller keeps polling: a server whose poller stopped (a fatal error
 * in its thread) would never run a scheduled report again, and only a restart helps. A poll that
 * found the database down still counts: that is for readiness to say, and a restart would not help.
 */
@Liveness
@ApplicationScoped
public class PollerLivenessCheck implements HealthCheck {

    @Inject
    RunPoller poller;

    @Inject
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        Duration allowed = poller.pollInterval().multipliedBy(10).plusMinutes(1);
        Instant now = clock.instant();
        return poller.lastPoll()
                .map(last -> HealthCheckResponse.named("run-poller")
                        .status(Duration.between(last, now).compareTo(allowed) <= 0)
                        .withData("last_poll", last.toString())
                        .build())
                // Not polled yet: still starting (the startup check says so), not dead.
                .orElseGet(() -> HealthCheckResponse.named("run-poller").up().build());
    }
}
