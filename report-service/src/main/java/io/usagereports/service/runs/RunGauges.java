package io.usagereports.service.runs;

import io.usagereports.model.runs.RunStatus;
import io.usagereports.model.runs.StoredStatus;
import io.usagereports.service.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Gauges of what the database holds, read when {@code /metrics} is scraped (two small queries):
 * runs that are due but not being generated, and the bytes stored reports take. Both are the same
 * on every server of an installation.
 */
@ApplicationScoped
public class RunGauges {

    private static final Logger LOG = Logger.getLogger(RunGauges.class.getName());

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Resource(lookup = "jdbc/reportsNonTx")
    DataSource dataSource;

    @Inject
    Clock clock;

    void onStart(@Observes Startup startup) {
        register();
    }

    /**
     * Registers both gauges, or finds them registered. Called at start-up and at every poll: an
     * application that shares the server's application registry and ships these classes (the
     * in-server tests deploy such copies) unregisters the gauges when it stops, and they must come
     * back.
     */
    void register() {
        registry.gauge(
                Metadata.builder()
                        .withName("reports.runs.due")
                        .withDescription("Runs due but not being generated: queued and due, or running under an"
                                + " expired lease (their server died). Stays near 0 when workers keep up.")
                        .build(),
                this::due);
        registry.gauge(
                Metadata.builder()
                        .withName("reports.stored.bytes")
                        .withDescription("Bytes of saved stored reports, gzip-compressed as stored")
                        .withUnit(MetricUnits.BYTES)
                        .build(),
                this::storedBytes);
    }

    private long due() {
        return query(
                "SELECT COUNT(*) FROM report_run WHERE (status = ? AND due_at <= ?)"
                        + " OR (status = ? AND lease_expires_at < ?)",
                true);
    }

    private long storedBytes() {
        return query("SELECT COALESCE(SUM(size), 0) FROM stored_report WHERE status = ?", false);
    }

    private long query(String sql, boolean due) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            if (due) {
                s.setString(1, RunStatus.QUEUED.wire());
                s.setObject(2, Jdbc.utc(clock.instant()));
                s.setString(3, RunStatus.RUNNING.wire());
                s.setObject(4, Jdbc.utc(clock.instant()));
            } else {
                s.setString(1, StoredStatus.SAVED.wire());
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "A gauge could not read the database", e);
            return -1;
        }
    }
}
