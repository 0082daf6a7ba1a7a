package io.usagereports.service.runs;

import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ScheduleType;
import io.usagereports.model.runs.RunStatus;
import io.usagereports.model.runs.RunTrigger;
import io.usagereports.model.runs.StoredStatus;
import io.usagereports.service.generation.format.FormatWriters;
import io.usagereports.service.reports.ReportCreated;
import io.usagereports.service.reports.ReportRules;
import io.usagereports.service.reports.ReportSchedules;
import io.usagereports.service.reports.ReportService;
import io.usagereports.service.schedule.ScheduleRule;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Creates runs, in the caller's transaction. A run due now gets its stored reports
 * ({@code in_progress}, one per format) at once, so they exist when the caller answers; a worker
 * is asked to start it once the transaction commits. A run due later waits in the database for
 * the poller of any server.
 */
@ApplicationScoped
public class RunScheduling {

    /** The schedule key of a once report's only scheduled run. */
    static final String ONCE = "once";

    /** How far back missed scheduled runs are caught up on after downtime. */
    static final Duration CATCH_UP = Duration.ofDays(35);

    @Inject
    ReportService reports;

    @Inject
    ReportSchedules schedules;

    @Resource(lookup = "jdbc/reports")
    DataSource dataSource;

    @Inject
    Event<RunQueued> queued;

    /** A new once report that is enabled runs on its generation date, or now if that is not later than today. */
    void onReportCreated(@Observes ReportCreated created) {
        Report report = created.report();
        if (report.schedule().type() != ScheduleType.ONCE
                || !Boolean.TRUE.equals(report.schedule().enabled())) {
            return;
        }
        Instant now = created.at();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant dueAt =
                report.generationDate() != null && report.generationDate().isAfter(today)
                        ? report.generationDate().atStartOfDay().toInstant(ZoneOffset.UTC)
                        : now;
        enqueue(report, RunTrigger.SCHEDULED, ONCE, report.parameters().period(), dueAt, now);
    }

    /**
     * Creates the due runs of a scheduled report, in a transaction of its own: every period whose
     * due time lies within the last {@link #CATCH_UP} (after downtime, each missed one, oldest
     * first; older ones are not run) and has no run yet, then moves the report's next run past
     * {@code now}. Exactly one of several servers doing this at once creates them: moving the next
     * run is conditional on the value seen, and locks the report until the runs are committed.
     * Returns how many runs it created.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int createDueRuns(ReportSchedules.Due due, Instant now) {
        Optional<Report> found = reports.definition(due.reportId());
        if (found.isEmpty() || !found.get().schedule().type().isScheduled()) {
            return 0;
        }
        Report report = found.get();
        ScheduleRule rule = ScheduleRule.of(report.schedule());
        if (!schedules.advance(report.id(), due.nextRunAt(), rule.nextDueAfter(now))) {
            return 0;
        }
        List<Instant> dueTimes = new ArrayList<>();
        dueTimes.add(due.nextRunAt());
        dueTimes.addAll(rule.dueBetween(due.nextRunAt(), now));
        ZoneId zone = ReportRules.effectiveZone(report);
        int created = 0;
        try (Connection c = dataSource.getConnection()) {
            for (Instant dueAt : dueTimes) {
                if (dueAt.isBefore(now.minus(CATCH_UP))) {
                    continue;
                }
                Period period = rule.periodOf(dueAt, zone);
                String key = ScheduleRule.key(report.schedule().type(), period);
                if (!RunRepository.scheduledRunExists(c, report.id(), key)) {
                    enqueue(report, RunTrigger.SCHEDULED, key, period, dueAt, now);
                    created++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Scheduling runs of report " + report.id() + " failed", e);
        }
        return created;
    }

    /** Creates a run of {@code report}; {@code scheduleKey} is null for on-demand runs. */
    RunRow enqueue(Report report, RunTrigger trigger, String scheduleKey, Period period, Instant dueAt, Instant now) {
        RunRow run = new RunRow(
                UUID.randomUUID(),
                report.id(),
                trigger,
                scheduleKey,
                period == null ? null : period.start(),
                period == null ? null : period.end(),
                dueAt,
                RunStatus.QUEUED,
                0,
                now,
                null,
                null,
                null,
                null);
        boolean dueNow = !dueAt.isAfter(now);
        try (Connection c = dataSource.getConnection()) {
            RunRepository.insertRun(c, run);
            if (dueNow) {
                RunRepository.insertStored(c, storedReports(report, run, now));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Creating a run of report " + report.id() + " failed", e);
        }
        if (dueNow) {
            queued.fire(new RunQueued(run.id()));
        }
        return run;
    }

    /** One in-progress stored report per format of the report, in its order. */
    static List<StoredReportRow> storedReports(Report report, RunRow run, Instant now) {
        List<StoredReportRow> stored = new ArrayList<>();
        for (ReportFormat format : report.parameters().formats()) {
            stored.add(new StoredReportRow(
                    UUID.randomUUID(),
                    run.id(),
                    report.id(),
                    format,
                    StoredStatus.IN_PROGRESS,
                    now,
                    null,
                    null,
                    null,
                    fileName(report, run, format)));
        }
        return stored;
    }

    /** E.g. {@code usage_daily_2026-10-01_2026-10-31.csv}, or {@code usage_current_2026-11-26.html}. */
    static String fileName(Report report, RunRow run, ReportFormat format) {
        String dates = report.parameters().kind() == ReportKind.USAGE_CURRENT
                ? RunJob.valueDate(report, run).toString()
                : run.periodStart() + "_" + run.periodEnd();
        String suffix = format == ReportFormat.CSV_V2_0 || format == ReportFormat.JSON_V2_0 ? "_v2" : "";
        return report.parameters().kind().wire() + "_" + dates + suffix + "." + FormatWriters.extension(format);
    }
}
