package io.usagereports.service.runs;

import io.usagereports.model.common.ErrorCodes;
import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.runs.Delivery;
import io.usagereports.model.runs.Failure;
import io.usagereports.model.runs.ReportRun;
import io.usagereports.model.runs.RunTrigger;
import io.usagereports.model.runs.StoredReport;
import io.usagereports.model.runs.StoredStatus;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import io.usagereports.service.reports.ReportRules;
import io.usagereports.service.reports.ReportService;
import io.usagereports.service.schedule.ScheduleRule;
import io.usagereports.service.security.Actor;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** The use cases of runs and stored reports (docs/api.md §5). Visibility is the report's (docs/api.md §1). */
@ApplicationScoped
@Transactional
public class RunService {

    @Resource(lookup = "jdbc/reports")
    DataSource dataSource;

    @Inject
    ReportService reports;

    @Inject
    RunScheduling scheduling;

    @Inject
    RunClaims ledger;

    @Inject
    RunDeliveries deliveries;

    @Inject
    Clock clock;

    /**
     * Runs a report now ("run now"), for {@code period} or by default the report's own period
     * (once reports) or the last complete period of its schedule (the previous month, day or ISO
     * week, in the report's time zone). Allowed for disabled
     * reports too: the caller asks explicitly. The stored reports exist when this returns.
     */
    public ReportRun runNow(Actor actor, UUID reportId, Period period) {
        Report report = reports.lockedForRun(actor, reportId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (period != null) {
            ReportRules.checkRunPeriod(period, today);
        } else if (report.schedule().type().isScheduled()) {
            period = ScheduleRule.previousPeriod(report.schedule().type(), now, ReportRules.effectiveZone(report));
        } else {
            period = report.parameters().period();
        }
        return toWire(scheduling.enqueue(report, RunTrigger.ON_DEMAND, null, period, now, now), List.of());
    }

    /** A report's runs, newest first, each with its deliveries. */
    public List<ReportRun> runs(Actor actor, UUID reportId) {
        reports.get(actor, reportId);
        List<RunRow> found;
        try (Connection c = dataSource.getConnection()) {
            found = RunRepository.runs(c, reportId);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading runs failed", e);
        }
        Map<UUID, List<Delivery>> sent = deliveries.ofReport(reportId);
        return found.stream()
                .map(r -> toWire(r, sent.getOrDefault(r.id(), List.of())))
                .toList();
    }

    /** One run of a report, with its deliveries; 404 if the report has no such run. */
    public ReportRun run(Actor actor, UUID reportId, UUID runId) {
        return runs(actor, reportId).stream()
                .filter(r -> r.id().equals(runId))
                .findFirst()
                .orElseThrow(() -> new ServiceException(
                        Kind.NOT_FOUND,
                        ErrorDomains.REPORTS,
                        ErrorCodes.NOT_FOUND,
                        "Run " + runId + " does not exist for report " + reportId + ".",
                        null,
                        null,
                        null));
    }
    /** A report's stored reports, newest first. */
    public List<StoredReport> stored(Actor actor, UUID reportId) {
        reports.get(actor, reportId);
        try (Connection c = dataSource.getConnection()) {
            return RunRepository.storedOfReport(c, reportId).stream()
                    .map(StoredReportRow::toWire)
                    .toList();
        } catch (SQLException e) {
            throw new IllegalStateException("Reading stored reports failed", e);
        }
    }

    /**
     * The content of a saved stored report; 409 {@code not_ready} while it is generated, 409
     * {@code generation_failed} if its run failed, 404 if the report has no such output.
     */
    public StoredReportContent content(Actor actor, UUID reportId, UUID storedId) {
        reports.get(actor, reportId);
        StoredReportRow stored;
        try (Connection c = dataSource.getConnection()) {
            stored = RunRepository.stored(c, reportId, storedId)
                    .orElseThrow(() -> new ServiceException(
                            Kind.NOT_FOUND,
                            ErrorDomains.REPORTS,
                            ErrorCodes.NOT_FOUND,
                            "Stored report " + storedId + " does not exist for report " + reportId + ".",
                            null,
                            null,
                            Map.of("report_id", reportId.toString(), "stored_id", storedId.toString())));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading a stored report failed", e);
        }
        if (stored.status() == StoredStatus.IN_PROGRESS) {
            throw new ServiceException(
                    Kind.CONFLICT,
                    ErrorDomains.REPORTS,
                    ErrorCodes.NOT_READY,
                    "Stored report " + storedId + " is still being generated.",
                    null,
                    "Poll GET /api/2/reports/" + reportId + "/stored until its status is saved.",
                    Map.of(
                            "stored_id",
                            storedId.toString(),
                            "status",
                            stored.status().wire()));
        }
        if (stored.status() == StoredStatus.FAILED) {
            throw new ServiceException(
                    Kind.CONFLICT,
                    ErrorDomains.REPORTS,
                    ErrorCodes.GENERATION_FAILED,
                    "Stored report " + storedId + " has no content: its run failed.",
                    null,
                    "See GET /api/2/reports/" + reportId + "/runs for the failure; run the report again.",
                    Map.of(
                            "stored_id",
                            storedId.toString(),
                            "status",
                            stored.status().wire()));
        }
        return new StoredReportContent(ledger, stored.id(), stored.contentAttempt(), stored.fileName(), stored.size());
    }

    static ReportRun toWire(RunRow run, List<Delivery> deliveries) {
        Period period = run.periodStart() == null ? null : new Period(run.periodStart(), run.periodEnd());
        Failure failure = run.failureCode() == null ? null : new Failure(run.failureCode(), run.failureMessage());
        return new ReportRun(
                run.id(),
                run.trigger(),
                period,
                run.status(),
                run.dueAt(),
                run.startedAt(),
                run.finishedAt(),
                run.attempt(),
                failure,
                deliveries);
    }
}
