package io.usagereports.web.health;

import io.usagereports.service.runs.RunPoller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the application is up (its database migrated, the first start's installation done)
 * and the run poller has polled once: from then on, liveness and readiness mean something.
 */
@Startup
@ApplicationScoped
public class StartedCheck implements HealthCheck {

    @Inject
    RunPoller poller;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("started")
                .status(poller.lastPoll().isPresent())
                .build();
    }
}
