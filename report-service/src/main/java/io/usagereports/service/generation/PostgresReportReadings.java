package io.usagereports.service.generation;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One query per report, in one of two forms, each shaped so that PostgreSQL streams it through a
 * cursor without sorting the report (plans checked on the benchmark's 6.2 million readings).
 * <ul>
 * <li><b>Seeks only</b> (current, summary): the values of every series of the report's tenants
 * are computed once, one correlated {@code LIMIT 1} subquery per seek date (a backward scan of the
 * primary key that stops at its first entry), and joined to the rows: a tenant that rolls up into
 * several rows (a customer and its partner) is sought once. One result row per series and row
 * carries all its values.</li>
 * <li><b>Range</b> (daily, breakdown): for each tenant of each row, in the work table's order, the
 * readings of the range's days plus each series' carry-in seek. Only each tenant's few hundred
 * readings get sorted (an incremental sort), never the report. The day of a reading (in the
 * report's time zone) is computed with date arithmetic: {@code EXTRACT(EPOCH …)} is a slow NUMERIC, and converting millions of
 * timestamps costs more in Java.</li>
 * </ul>
 * Correlated subqueries rather than {@code LATERAL} joins for the seeks: the planner puts a
 * Memoize node in front of a lateral seek, which never hits here and more than doubled its cost.
 */
final class PostgresReportReadings implements ReportReadings {

    private static String seek(String bound) {
        return "(SELECT y.amount FROM usage_reading y WHERE y.tenant_id = s.tenant_id AND y.usage_name = s.usage_name"
                + " AND y.edition = s.edition AND y.user_id = s.user_id AND y.measured_at < " + bound
                + " ORDER BY y.measured_at DESC LIMIT 1)";
    }

    /** Parameters: the seek bounds, run, attempt, {@link RowPlan#ALL_USERS}, run, attempt. */
    static String seeksSql(int seeks) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < seeks; i++) {
            values.add(seek("?") + " AS v" + i);
        }
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < seeks; i++) {
            columns.add("v.v" + i);
        }
        return "WITH v AS MATERIALIZED (SELECT s.tenant_id, s.usage_name, s.edition, s.user_id, "
                + String.join(", ", values) + " FROM usage_series s WHERE s.tenant_id IN"
                + " (SELECT t.tenant_id FROM report_run_member t WHERE t.run_id = ? AND t.attempt = ?))"
                + " SELECT m.row_no, v.tenant_id, v.usage_name, v.edition, v.user_id, " + String.join(", ", columns)
                + " FROM report_run_member m JOIN v ON v.tenant_id = m.tenant_id AND (m.user_id = ? OR v.user_id = m.user_id)"
                + " WHERE m.run_id = ? AND m.attempt = ? ORDER BY m.row_no";
    }

    /**
     * Parameters: the report's time zone, {@link RowPlan#ALL_USERS}, range from, range to, carry-in
     * bound, ALL_USERS, run, attempt.
     */
    static final String RANGE_SQL = "SELECT m.row_no, m.tenant_id, x.usage_name, x.edition, x.user_id,"
            + " ((x.measured_at AT TIME ZONE ?)::date - DATE '1970-01-01') AS epoch_day, x.amount"
            + " FROM report_run_member m CROSS JOIN LATERAL ("
            + "SELECT r.usage_name, r.edition, r.user_id, r.measured_at, r.amount FROM usage_reading r"
            + " WHERE r.tenant_id = m.tenant_id AND (m.user_id = ? OR r.user_id = m.user_id)"
            + " AND r.measured_at >= ? AND r.measured_at < ?"
            + " UNION ALL SELECT s.usage_name, s.edition, s.user_id, c.measured_at, c.amount FROM usage_series s"
            + " CROSS JOIN LATERAL (SELECT y.measured_at, y.amount FROM usage_reading y WHERE y.tenant_id = s.tenant_id"
            + " AND y.usage_name = s.usage_name AND y.edition = s.edition AND y.user_id = s.user_id"
            + " AND y.measured_at < ? ORDER BY y.measured_at DESC LIMIT 1) c"
            + " WHERE s.tenant_id = m.tenant_id AND (m.user_id = ? OR s.user_id = m.user_id)) x"
            + " WHERE m.run_id = ? AND m.attempt = ?"
            + " ORDER BY m.row_no, m.depth, m.tenant_id, x.usage_name, x.edition, x.user_id, x.measured_at";

    @Override
    public void read(Connection connection, UUID runId, int attempt, ReadingWindows windows, ReadingSink sink)
            throws SQLException, IOException {
        if (windows.hasRange()) {
            readRange(connection, runId, attempt, windows, sink);
        } else {
            readSeeks(connection, runId, attempt, windows, sink);
        }
    }

    private static void readSeeks(
            Connection connection, UUID runId, int attempt, ReadingWindows windows, ReadingSink sink)
            throws SQLException, IOException {
        int seeks = windows.seekDates().size();
        long[] days = windows.seekDays();
        try (PreparedStatement s = cursor(connection, seeksSql(seeks))) {
            int p = 1;
            for (int i = 0; i < seeks; i++) {
                s.setObject(p++, windows.seekBound(i));
            }
            s.setObject(p++, runId);
            s.setInt(p++, attempt);
            s.setObject(p++, RowPlan.ALL_USERS);
            s.setObject(p++, runId);
            s.setInt(p, attempt);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int rowNo = rs.getInt(1);
                    UUID tenantId = rs.getObject(2, UUID.class);
                    String usageName = rs.getString(3);
                    String edition = rs.getString(4);
                    UUID userId = rs.getObject(5, UUID.class);
                    for (int i = 0; i < seeks; i++) {
                        long amount = rs.getLong(6 + i);
                        if (!rs.wasNull()) {
                            sink.reading(rowNo, tenantId, usageName, edition, userId, days[i], amount);
                        }
                    }
                }
            }
        }
    }

    private static void readRange(
            Connection connection, UUID runId, int attempt, ReadingWindows windows, ReadingSink sink)
            throws SQLException, IOException {
        try (PreparedStatement s = cursor(connection, RANGE_SQL)) {
            s.setString(1, windows.zone().getId());
            s.setObject(2, RowPlan.ALL_USERS);
            s.setObject(3, windows.rangeFrom());
            s.setObject(4, windows.rangeTo());
            s.setObject(5, windows.seekBound(0));
            s.setObject(6, RowPlan.ALL_USERS);
            s.setObject(7, runId);
            s.setInt(8, attempt);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sink.reading(
                            rs.getInt(1),
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getObject(5, UUID.class),
                            rs.getLong(6),
                            rs.getLong(7));
                }
            }
        }
    }

    private static PreparedStatement cursor(Connection connection, String sql) throws SQLException {
        PreparedStatement s = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        s.setFetchSize(FETCH_SIZE);
        return s;
    }
}
