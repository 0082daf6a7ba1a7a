package io.usagereports.bench;

import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.service.directory.TenantTree;
import io.usagereports.service.generation.GenerationQueries;
import io.usagereports.service.generation.ReportReadings;
import io.usagereports.service.generation.RowAggregator;
import io.usagereports.service.generation.RowPlan;
import io.usagereports.service.generation.format.ReportDates;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A report's own query, run by the benchmark directly on the database: the code the server runs
 * ({@link GenerationQueries#scan}), reading every row and generating nothing. Its work-table rows
 * are staged under an existing run of the same report kind, as attempt -1 (no server's attempt),
 * and deleted again at {@link #close}.
 */
final class ReportSql implements AutoCloseable {

    private static final int ATTEMPT = -1;

    private final Connection c;
    private final ReportReadings.Connections connections;
    private final ExecutorService second;
    private final UUID runId;
    private final LocalDate[] dates;
    private long rows;

    private ReportSql(
            Connection c,
            ReportReadings.Connections connections,
            ExecutorService second,
            UUID runId,
            LocalDate[] dates) {
        this.c = c;
        this.connections = connections;
        this.second = second;
        this.runId = runId;
        this.dates = dates;
    }

    /** Connects with {@code bench.jdbc.*} and stages the rows of {@code kind} for {@code subject}'s customers. */
    static ReportSql open(Properties p, UUID subject, UUID runId, ReportKind kind, LocalDate start, LocalDate end)
            throws SQLException {
        ReportReadings.Connections connections = () -> DriverManager.getConnection(
                p.getProperty("bench.jdbc.url"),
                p.getProperty("bench.jdbc.user"),
                p.getProperty("bench.jdbc.password"));
        // As the server reads: on H2 a second thread reads too (a daemon: it never outlives a scan).
        ExecutorService second = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "second-reader");
            t.setDaemon(true);
            return t;
        });
        Connection c = connections.open();
        try {
            LocalDate[] dates = ReportDates.of(kind, start, end, end);
            OffsetDateTime until = LocalDate.ofEpochDay(RowAggregator.endEpochDayExclusive(dates))
                    .atStartOfDay()
                    .atOffset(ZoneOffset.UTC);
            RowPlan plan = RowPlan.of(
                    subject, ReportLevel.ALL_CUSTOMERS, TenantTree.subtree(c, path(c, subject), until), Map.of());
            c.setAutoCommit(true);
            GenerationQueries.insertMembers(c, runId, ATTEMPT, plan.members());
            GenerationQueries.analyzeMembers(c);
            c.setAutoCommit(false);
            return new ReportSql(c, connections, second, runId, dates);
        } catch (SQLException | RuntimeException e) {
            c.close();
            second.shutdown();
            throw e;
        }
    }

    /** Runs the query once, reading every row; returns its time in seconds. */
    double time() throws SQLException {
        long t = System.nanoTime();
        rows = GenerationQueries.scan(c, connections, second, runId, ATTEMPT, dates, ZoneOffset.UTC);
        double seconds = (System.nanoTime() - t) / 1e9;
        c.rollback();
        return seconds;
    }

    /** The rows the last run read. */
    long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        try (c) {
            c.setAutoCommit(true);
            GenerationQueries.deleteMembers(c, runId, ATTEMPT);
        } finally {
            second.shutdown();
        }
    }

    private static String path(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT path FROM tenant WHERE id = ?")) {
            s.setObject(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
