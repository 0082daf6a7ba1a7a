package io.usagereports.service.runs;

import io.usagereports.service.reports.ReportSchedules;
import io.usagereports.service.runs.RunClaims.Claimable;
import io.usagereports.service.schedule.ScheduleDefaults;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every few seconds, on every server: creates the due runs of scheduled reports (catching up on
 * those missed while no server was up), then hands due runs (and runs whose server died: their
 * lease expired) to free workers. Servers sharing the database coordinate through it alone: a
 * report's next run moves on for one server only, and a claim succeeds for one worker.
 */
@ApplicationScoped
public class RunPoller {

    private static final Logger LOG = Logger.getLogger(RunPoller.class.getName());

    /** Scheduled reports handled per poll; the next poll goes on with the rest. */
    static final int SCHEDULES_PER_POLL = 500;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    RunClaims ledger;

    @Inject
    RunWorker worker;

    @Inject
    RunScheduling scheduling;

    @Inject
    ReportSchedules schedules;

    @Inject
    ScheduleDefaults defaults;

    @Inject
    RunRetention retention;

    @Inject
    RunGauges gauges;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "reports.worker.poll-seconds", defaultValue = "5")
    long pollSeconds;

    private ScheduledFuture<?> polling;
    private volatile Instant lastPoll;

    /** Polls from start-up on: a run that fell due while the server was starting is not skipped. */
    void onStart(@Observes Startup startup) {
        int scheduled = schedules.backfill(defaults);
        if (scheduled > 0) {
            LOG.info(() -> "Scheduled the next run of " + scheduled + " report(s) created before schedules had times");
        }
        polling = scheduler.scheduleWithFixedDelay(this::poll, 0, pollSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    /** When the last poll ended (whether or not the database answered it); empty before the first. */
    public Optional<Instant> lastPoll() {
        return Optional.ofNullable(lastPoll);
    }

    /** How often this server polls. */
    public Duration pollInterval() {
        return Duration.ofSeconds(pollSeconds);
    }

    void poll() {
        try {
            Instant now = clock.instant();
            createDueRuns(now);
            deleteExpired(now);
            gauges.register();
            int free = worker.available();
            if (free > 0) {
                for (Claimable run : ledger.claimable(now, free)) {
                    worker.submit(run);
                }
            }
        } catch (RuntimeException e) {
            // A database outage must not end polling: the next poll tries again.
            LOG.log(Level.WARNING, "Polling for due runs failed", e);
        } finally {
            lastPoll = clock.instant();
        }
    }

    /**
     * Retention, on every server, at most one batch a poll: deleting old runs never delays new ones
     * much; and the work rows of deleted runs.
     */
    private void deleteExpired(Instant now) {
        try {
            retention.deleteExpired(now);
            retention.deleteWorkOfDeletedRuns();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Deleting expired runs failed; the next poll retries", e);
        }
    }

    private void createDueRuns(Instant now) {
        List<ReportSchedules.Due> due = schedules.due(now, SCHEDULES_PER_POLL);
        for (ReportSchedules.Due report : due) {
            try {
                scheduling.createDueRuns(report, now);
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "Scheduling the runs of report " + report.reportId() + " failed; the next" + " poll retries",
                        e);
            }
        }
    }
}
