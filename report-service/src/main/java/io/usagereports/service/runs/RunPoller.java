package io.usagereports.service.runs;

import io.usagereports.model.reports.Period;
import io.usagereports.model.runs.RunStatus;
import io.usagereports.model.runs.RunTrigger;
import io.usagereports.service.runs.RunLedger.Claimable;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every few seconds, on every server: creates the month's scheduled runs of monthly reports that
 * are due, then hands due runs (and runs whose server died: their lease expired) to free
 * workers. Servers sharing the database coordinate through it alone: a scheduled run has a
 * unique key, and a claim succeeds for one worker.
 */
@ApplicationScoped
public class RunPoller {

    private static final Logger LOG = Logger.getLogger(RunPoller.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    RunLedger ledger;

    @Inject
    RunWorker worker;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "reports.worker.poll-seconds", defaultValue = "5")
    long pollSeconds;

    @Inject
    @ConfigProperty(name = "reports.monthly.day", defaultValue = "1")
    int monthlyDay;

    @Inject
    @ConfigProperty(name = "reports.monthly.time", defaultValue = "00:00")
    LocalTime monthlyTime;

    private ScheduledFuture<?> polling;

    void onStart(@Observes Startup startup) {
        MonthlySchedule schedule = new MonthlySchedule(monthlyDay, monthlyTime);
        polling = scheduler.scheduleWithFixedDelay(() -> poll(schedule), pollSeconds, pollSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    void poll(MonthlySchedule schedule) {
        try {
            Instant now = clock.instant();
            createMonthlyRuns(schedule.latestDue(now), now);
            int free = worker.available();
            if (free > 0) {
                for (Claimable run : ledger.claimable(now, free)) {
                    worker.submit(run);
                }
            }
        } catch (RuntimeException e) {
            // A database outage must not end polling: the next poll tries again.
            LOG.log(Level.WARNING, "Polling for due runs failed", e);
        }
    }

    /** Creates the run due at {@code due} of every enabled monthly report that has none yet. */
    void createMonthlyRuns(Instant due, Instant now) {
        YearMonth month = MonthlySchedule.reportedMonth(due);
        String key = month.toString();
        Period period = MonthlySchedule.period(month);
        try (Connection c = ledger.connection()) {
            List<UUID> reports = RunStore.monthlyReportsWithoutRun(c, key, due);
            for (UUID reportId : reports) {
                try {
                    RunStore.insertRun(c, new RunRecord(UUID.randomUUID(), reportId, RunTrigger.SCHEDULED, key,
                            period.start(), period.end(), due, RunStatus.QUEUED, 0, now, null, null, null, null));
                } catch (SQLException e) {
                    // Another server created it first (unique key), or the report was just deleted.
                    LOG.log(Level.FINE, "Run " + key + " of report " + reportId + " not created here", e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Scheduling monthly runs failed", e);
        }
    }
}
