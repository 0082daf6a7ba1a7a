package io.usagereports.service.runs;

import io.usagereports.model.reports.Report;
import io.usagereports.service.persistence.Databases;
import io.usagereports.service.reports.ReportService;
import io.usagereports.service.runs.RunClaims.Claim;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Prepares a claimed run: reads its report as it is now and makes sure the run has its stored
 * reports (a run that waited for its date gets them when it starts). Fenced like every write of
 * an attempt: only the attempt holding the run adds its stored reports.
 */
@ApplicationScoped
public class RunPlanner {

    @Resource(lookup = "jdbc/reports")
    DataSource dataSource;

    @Inject
    ReportService reports;

    /**
     * The job of the claimed attempt, or empty if the run or its report is gone (deleted
     * meanwhile). Throws {@link LostClaimException} if another attempt holds the run.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<RunJob> job(Claim claim) {
        UUID runId = claim.runId();
        try (Connection c = dataSource.getConnection()) {
            Databases.boundIdle(c); // the run's row is locked from the proof to the commit
            Optional<RunRow> run = RunRepository.run(c, runId);
            if (run.isPresent() && !RunRepository.holdsRun(c, runId, claim.attempt())) {
                throw new LostClaimException(runId);
            }
            if (run.isEmpty()) {
                return Optional.empty();
            }
            Optional<Report> report = reports.definition(run.get().reportId());
            if (report.isEmpty()) {
                return Optional.empty();
            }
            List<StoredReportRow> outputs = RunRepository.storedOfRun(c, runId);
            if (outputs.isEmpty()) {
                outputs = RunScheduling.storedReports(
                        report.get(), run.get(), run.get().startedAt());
                RunRepository.insertStored(c, outputs);
            }
            return Optional.of(new RunJob(run.get(), report.get(), outputs));
        } catch (SQLException e) {
            throw new IllegalStateException("Preparing run " + runId + " failed", e);
        }
    }
}
