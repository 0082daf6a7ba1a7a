package io.usagereports.service.generation;

import io.usagereports.service.generation.RowPlan.Member;
import io.usagereports.service.persistence.Databases;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * The SQL of generation, on a connection the caller owns (and commits): the tenant tree, the work
 * table of a run's rows, and the streaming of a report's readings ({@link ReportReadings}) with
 * its offering items alongside. Portable between H2 and PostgreSQL, where PostgreSQL's {@code COPY}
 * reads and writes the bulk of it.
 */
public final class GenerationQueries {

    private static final int INSERT_BATCH = 1000;

    /**
     * The offering items describing each row's usages, with the tenant and its depth below the
     * row's tenant (the aggregator picks the nearest): a small query read alongside the report query.
     * It is read whole when executed (no fetch size), before the report query starts: on PostgreSQL
     * that query's {@code COPY} holds the connection until it ends.
     */
    static final String OFFERING_SQL = "SELECT m.row_no, m.depth, m.tenant_id, o.usage_name, o.edition,"
            + " o.measurement_unit, o.sku FROM report_run_member m JOIN offering_item o ON o.tenant_id = m.tenant_id"
            + " WHERE m.run_id = ? AND m.attempt = ? ORDER BY m.row_no";

    private GenerationQueries() {}

    /** Writes the attempt's rows to the work table, in the caller's transaction. */
    public static void insertMembers(Connection c, UUID runId, int attempt, List<Member> members) throws SQLException {
        if (Databases.isPostgres(c)) {
            try (PgCopyWriter copy =
                    PgCopyWriter.open(c, "report_run_member (run_id, attempt, row_no, depth, tenant_id, user_id)")) {
                for (Member m : members) {
                    copy.row(runId, attempt, m.rowNo(), m.depth(), m.tenantId(), m.userId());
                }
                copy.finish();
            }
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO report_run_member"
                + " (run_id, attempt, row_no, depth, tenant_id, user_id) VALUES (?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Member m : members) {
                s.setObject(1, runId);
                s.setInt(2, attempt);
                s.setInt(3, m.rowNo());
                s.setInt(4, m.depth());
                s.setObject(5, m.tenantId());
                s.setObject(6, m.userId());
                s.addBatch();
                if (++pending == INSERT_BATCH) {
                    s.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                s.executeBatch();
            }
        }
    }

    /**
     * Refreshes the work table's statistics on PostgreSQL, once an attempt's rows are committed.
     * Statistics taken at an emptier moment, or of another run or attempt, make the planner expect
     * a single row there and choose a nested loop that reads every series of the report once per
     * member (measured: a 5 s summary took 7 minutes). Analyzing samples a bounded number of rows,
     * whatever the run's size.
     */
    public static void analyzeMembers(Connection c) throws SQLException {
        if (Databases.isPostgres(c)) {
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE report_run_member");
            }
        }
    }

    /** Deletes the work-table rows of one attempt: its own, never another attempt's. */
    public static void deleteMembers(Connection c, UUID runId, int attempt) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("DELETE FROM report_run_member WHERE run_id = ? AND attempt = ?")) {
            s.setObject(1, runId);
            s.setInt(2, attempt);
            s.executeUpdate();
        }
    }

    /**
     * Deletes what attempts before {@code attempt} left in the work table (an attempt whose server
     * died never deletes its rows). Only for the attempt that holds the run, in the transaction that
     * proves it: earlier attempts have lost the run, so nothing of theirs can be in use that counts.
     */
    public static void deleteEarlierMembers(Connection c, UUID runId, int attempt) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("DELETE FROM report_run_member WHERE run_id = ? AND attempt < ?")) {
            s.setObject(1, runId);
            s.setInt(2, attempt);
            s.executeUpdate();
        }
    }

    /**
     * Deletes the work-table rows of runs that no longer exist: those of an attempt that died
     * (its server with it) before its run was deleted. The table keeps no foreign key to the runs
     * (checking it cost more than staging the rows); this does what its cascade did. Returns how
     * many rows it deleted.
     */
    public static int deleteMembersOfDeletedRuns(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM report_run_member m"
                + " WHERE NOT EXISTS (SELECT 1 FROM report_run r WHERE r.id = m.run_id)")) {
            return s.executeUpdate();
        }
    }

    /** Feeds the offering items of rows up to {@code rowNo}; returns whether any are left. */
    private static boolean describe(ResultSet offering, boolean more, int rowNo, AggregatorFeed aggregator)
            throws SQLException, IOException {
        while (more && offering.getInt(1) <= rowNo) {
            aggregator.offeringItem(
                    offering.getInt(1),
                    offering.getInt(2),
                    offering.getObject(3, UUID.class),
                    offering.getString(4),
                    offering.getString(5),
                    offering.getString(6),
                    offering.getString(7));
            more = offering.next();
        }
        return more;
    }

    /**
     * Reads every reading of the report, generating nothing: the bare cost of the database's part
     * of a report, for benchmarks. Returns the number of readings.
     */
    public static long scan(
            Connection c,
            ReportReadings.Connections connections,
            ExecutorService executor,
            UUID runId,
            int attempt,
            LocalDate[] dates,
            ZoneId zone)
            throws SQLException {
        long[] readings = {0};
        try {
            ReportReadings.of(c, connections, executor)
                    .read(
                            c,
                            runId,
                            attempt,
                            ReadingWindows.of(dates, zone),
                            (rowNo, tenantId, usageName, edition, userId, epochDay, amount) -> readings[0]++);
        } catch (IOException e) {
            throw new IllegalStateException("Reading the readings failed", e);
        }
        return readings[0];
    }

    /**
     * Streams the report's readings into the aggregator, with the offering items of each row read
     * alongside: on a thread of {@code executor} where the database wants it apart
     * ({@link ReportReadings#aggregatesApart}); H2's second reader runs there too, with a connection
     * of {@code connections}. The connection must not be in auto-commit mode (see
     * {@link ReportReadings#read}).
     */
    public static void stream(
            Connection c,
            ReportReadings.Connections connections,
            UUID runId,
            int attempt,
            LocalDate[] dates,
            ZoneId zone,
            RowAggregator aggregator,
            ExecutorService executor)
            throws SQLException, IOException {
        ReportReadings readings = ReportReadings.of(c, connections, executor);
        try (PreparedStatement items = c.prepareStatement(OFFERING_SQL)) {
            items.setObject(1, runId);
            items.setInt(2, attempt);
            try (ResultSet offering = items.executeQuery();
                    AggregatorFeed feed = readings.aggregatesApart()
                            ? new ReadingHandOff(executor, aggregator)
                            : new AggregatorFeed.Direct(aggregator)) {
                boolean[] moreItems = {offering.next()};
                readings.read(
                        c,
                        runId,
                        attempt,
                        ReadingWindows.of(dates, zone),
                        (rowNo, tenantId, usageName, edition, userId, epochDay, amount) -> {
                            try {
                                moreItems[0] = describe(offering, moreItems[0], rowNo, feed);
                            } catch (SQLException e) {
                                throw new IOException("Reading offering items failed", e);
                            }
                            feed.reading(rowNo, tenantId, usageName, edition, userId, epochDay, amount);
                        });
                describe(offering, moreItems[0], Integer.MAX_VALUE, feed);
                feed.finish();
            }
        }
        aggregator.finish();
    }
}
