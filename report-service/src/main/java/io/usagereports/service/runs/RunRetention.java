package io.usagereports.service.runs;

import io.usagereports.model.runs.RunStatus;
import io.usagereports.service.generation.GenerationQueries;
import io.usagereports.service.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Retention: runs that finished more than {@code REPORTS_RETENTION_DAYS} days ago (default 90) are
 * deleted with their stored reports, their content and their deliveries, a few at each poll, by
 * whichever server polls. Never a run in progress or waiting (queued, running), and never the
 * latest saved run of a report: a report always keeps its newest output, however old. 0 or less
 * keeps everything.
 */
@ApplicationScoped
public class RunRetention {

    private static final Logger LOG = Logger.getLogger(RunRetention.class.getName());

    /** Runs deleted per poll at most: a delete of a large report's chunks is a transaction of its own. */
    static final int BATCH = 20;

    @Resource(lookup = "jdbc/reportsNonTx")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "reports.retention-days", defaultValue = "90")
    int retentionDays;

    /**
     * Deletes up to {@link #BATCH} runs that ended before {@code now} less the retention; returns
     * how many it deleted.
     */
    public int deleteExpired(Instant now) {
        if (retentionDays <= 0) {
            return 0;
        }
        Instant cutOff = now.minus(Duration.ofDays(retentionDays));
        try (Connection c = dataSource.getConnection()) {
            List<UUID> expired = new ArrayList<>();
            // A failed run goes once old; a saved one only if a newer saved run of its report exists.
            try (PreparedStatement s = c.prepareStatement("SELECT r.id FROM report_run r"
                    + " WHERE r.status IN (?, ?) AND r.finished_at < ?"
                    + " AND (r.status = ? OR EXISTS (SELECT 1 FROM report_run n WHERE n.report_id = r.report_id"
                    + " AND n.status = ? AND (n.finished_at > r.finished_at"
                    + " OR (n.finished_at = r.finished_at AND n.id > r.id))))"
                    + " ORDER BY r.finished_at FETCH FIRST " + BATCH + " ROWS ONLY")) {
                s.setString(1, RunStatus.SAVED.wire());
                s.setString(2, RunStatus.FAILED.wire());
                s.setObject(3, Jdbc.utc(cutOff));
                s.setString(4, RunStatus.FAILED.wire());
                s.setString(5, RunStatus.SAVED.wire());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        expired.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            int deleted = 0;
            for (UUID run : expired) {
                // An ended run never changes again; another server may have deleted it already: then nothing.
                try (PreparedStatement s =
                        c.prepareStatement("DELETE FROM report_run WHERE id = ? AND status IN (?, ?)")) {
                    s.setObject(1, run);
                    s.setString(2, RunStatus.SAVED.wire());
                    s.setString(3, RunStatus.FAILED.wire());
                    deleted += s.executeUpdate();
                }
            }
            if (deleted > 0) {
                int count = deleted;
                LOG.info(() -> "Retention: deleted " + count + " run(s) that ended before " + cutOff
                        + ", with their stored reports and deliveries");
            }
            return deleted;
        } catch (SQLException e) {
            throw new IllegalStateException("Deleting expired runs failed", e);
        }
    }

    /**
     * Deletes the work-table rows that attempts which died left for runs deleted since (a report
     * deleted, a run expired): they can no longer be anyone's. Returns how many it deleted.
     */
    public int deleteWorkOfDeletedRuns() {
        try (Connection c = dataSource.getConnection()) {
            return GenerationQueries.deleteMembersOfDeletedRuns(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Deleting the work rows of deleted runs failed", e);
        }
    }
}
