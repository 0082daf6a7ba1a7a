package io.usagereports.service.runs;

import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.runs.StoredStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Runs and their outputs for the server's own work after a run (e-mailing them), without an actor. */
@ApplicationScoped
public class RunOutputs {

    @Inject
    RunClaims ledger;

    /** The run of {@code report} with this ID, with its stored reports in the report's order of formats. */
    public Optional<SavedRun> run(Report report, UUID runId) {
        UUID reportId = report.id();
        try (Connection c = ledger.connection()) {
            Optional<RunRow> found =
                    RunRepository.run(c, runId).filter(r -> r.reportId().equals(reportId));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            RunRow run = found.get();
            List<SavedRun.Output> outputs = RunRepository.storedOfRun(c, runId).stream()
                    .map(s -> new SavedRun.Output(
                            s.id(),
                            s.format(),
                            s.fileName(),
                            s.contentSize(),
                            s.status() == StoredStatus.SAVED
                                    ? new StoredReportContent(
                                            ledger, s.id(), s.contentAttempt(), s.fileName(), s.size())
                                    : null))
                    .toList();
            boolean current = report.parameters().kind() == ReportKind.USAGE_CURRENT;
            LocalDate first = current ? RunJob.valueDate(report, run) : run.periodStart();
            LocalDate last = current ? RunJob.valueDate(report, run) : run.periodEnd();
            return Optional.of(new SavedRun(run.id(), run.reportId(), run.status(), first, last, outputs));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading run " + runId + " failed", e);
        }
    }
}
