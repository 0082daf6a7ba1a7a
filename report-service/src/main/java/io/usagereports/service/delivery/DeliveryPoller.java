package io.usagereports.service.delivery;

import io.usagereports.service.delivery.DeliveryRepository.Claimable;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every few seconds, on every server, beside the run poller: hands due deliveries (new ones a
 * server did not get to, retries whose back-off is over, and those whose server died: their lease
 * expired) to free workers. Servers coordinate through the database alone: a claim succeeds for
 * one of them. Says once at start-up where e-mail goes.
 */
@ApplicationScoped
public class DeliveryPoller {

    private static final Logger LOG = Logger.getLogger(DeliveryPoller.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    DeliveryRepository repository;

    @Inject
    DeliveryWorker worker;

    @Inject
    MailSettings settings;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "reports.worker.poll-seconds", defaultValue = "5")
    long pollSeconds;

    private ScheduledFuture<?> polling;

    void onStart(@Observes Startup startup) {
        LOG.info(settings.describe());
        polling = scheduler.scheduleWithFixedDelay(this::poll, pollSeconds, pollSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    void poll() {
        try {
            int free = worker.available();
            if (free > 0) {
                for (Claimable delivery : repository.claimable(clock.instant(), free)) {
                    worker.submit(delivery);
                }
            }
        } catch (RuntimeException e) {
            // A database outage must not end polling: the next poll tries again.
            LOG.log(Level.WARNING, "Polling for due deliveries failed", e);
        }
    }
}
