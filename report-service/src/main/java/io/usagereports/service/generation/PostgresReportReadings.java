package io.usagereports.service.generation;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One query per report, in one of two forms, each shaped so that PostgreSQL streams it through a
 * cursor in the work table's order without sorting anything (plans checked on the benchmark's 6.2
 * million readings). Both walk each tenant's registered series ({@code usage_series}) and read
 * the readings' key alone: it carries the amount (migration V13), so no table page is read.
 * <ul>
 * <li><b>Seeks only</b> (current, summary): one correlated {@code LIMIT 1} subquery per seek date
 * (a backward scan of the key that stops at its first entry): one result row per series carries
 * all its values.</li>
 * <li><b>Range</b> (daily, breakdown): per series, its carry-in seek then every reading of the
 * range's days, in time order. The day of a reading (in the report's time zone) is computed with
 * date arithmetic: {@code EXTRACT(EPOCH …)} is a slow NUMERIC, and converting millions of
 * timestamps costs more in Java.</li>
 * </ul>
 * The result is ordered only by the work table's own order (row, depth, tenant): that order comes
 * from its key and costs no sort, where sorting by series as well cost as much as the reading (the
 * text columns compare by collation). A range reading is therefore gathered tenant by tenant and
 * handed on series by series ({@code TenantReadings}). Memoize (which never hits here), parallel
 * plans and JIT are off for these queries.
 */
final class PostgresReportReadings implements ReportReadings {

    private static String seek(String bound) {
        return "(SELECT y.amount FROM usage_reading y WHERE y.tenant_id = s.tenant_id AND y.usage_name = s.usage_name"
                + " AND y.edition = s.edition AND y.user_id = s.user_id AND y.measured_at < " + bound
                + " ORDER BY y.measured_at DESC LIMIT 1)";
    }

    /** The series of the attempt's rows: each tenant's, or one user's of it. */
    private static final String SERIES_OF_ROWS = " FROM report_run_member m JOIN usage_series s"
            + " ON s.tenant_id = m.tenant_id AND (m.user_id = ? OR s.user_id = m.user_id)";

    private static final String IN_WORK_ORDER =
            " WHERE m.run_id = ? AND m.attempt = ? ORDER BY m.row_no, m.depth, m.tenant_id";

    /** Parameters: the seek bounds, {@link RowPlan#ALL_USERS}, run, attempt. */
    static String seeksSql(int seeks) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < seeks; i++) {
            values.add(seek("?") + " AS v" + i);
        }
        return "SELECT m.row_no, s.tenant_id, s.usage_name, s.edition, s.user_id, " + String.join(", ", values)
                + SERIES_OF_ROWS + IN_WORK_ORDER;
    }

    /**
     * Parameters: the report's time zone, {@link RowPlan#ALL_USERS}, carry-in bound, range from,
     * range to, run, attempt.
     */
    static final String RANGE_SQL = "SELECT m.row_no, s.tenant_id, s.usage_name, s.edition, s.user_id,"
            + " ((x.measured_at AT TIME ZONE ?)::date - DATE '1970-01-01') AS epoch_day, x.amount, x.measured_at"
            + SERIES_OF_ROWS
            + " CROSS JOIN LATERAL ((SELECT y.measured_at, y.amount FROM usage_reading y WHERE y.tenant_id = s.tenant_id"
            + " AND y.usage_name = s.usage_name AND y.edition = s.edition AND y.user_id = s.user_id"
            + " AND y.measured_at < ? ORDER BY y.measured_at DESC LIMIT 1)"
            + " UNION ALL (SELECT r.measured_at, r.amount FROM usage_reading r WHERE r.tenant_id = s.tenant_id"
            + " AND r.usage_name = s.usage_name AND r.edition = s.edition AND r.user_id = s.user_id"
            + " AND r.measured_at >= ? AND r.measured_at < ? ORDER BY r.measured_at)) x"
            + IN_WORK_ORDER;

    @Override
    public void read(Connection connection, UUID runId, int attempt, ReadingWindows windows, ReadingSink sink)
            throws SQLException, IOException {
        try (Statement settings = connection.createStatement()) {
            settings.execute("SET LOCAL enable_memoize = off");
            settings.execute("SET LOCAL max_parallel_workers_per_gather = 0");
            settings.execute("SET LOCAL jit = off");
        }
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
            s.setObject(3, windows.seekBound(0));
            s.setObject(4, windows.rangeFrom());
            s.setObject(5, windows.rangeTo());
            s.setObject(6, runId);
            s.setInt(7, attempt);
            try (ResultSet rs = s.executeQuery()) {
                TenantReadings tenant = new TenantReadings(sink);
                while (rs.next()) {
                    tenant.add(
                            rs.getInt(1),
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getObject(5, UUID.class),
                            rs.getObject(8, OffsetDateTime.class).toInstant(),
                            rs.getLong(6),
                            rs.getLong(7));
                }
                tenant.flush();
            }
        }
    }

    /**
     * The readings of one tenant of one row, gathered by series and handed on each series whole and
     * in time order, as the aggregator needs them: the query guarantees only the order of rows and
     * tenants (sorting by series as well cost as much as reading, the text columns comparing by
     * collation), and whatever order the plan gives within a tenant is put right here. Holds one
     * tenant's readings of the report's days.
     */
    private static final class TenantReadings {
        private record Reading(Instant at, long epochDay, long amount) {}

        private record Key(String usageName, String edition, UUID userId) {}

        private final ReadingSink sink;
        private final Map<Key, List<Reading>> series = new LinkedHashMap<>();
        private int rowNo = -1;
        private UUID tenantId;
        private Key lastKey;
        private List<Reading> last;

        TenantReadings(ReadingSink sink) {
            this.sink = sink;
        }

        void add(int row, UUID tenant, String usageName, String edition, UUID userId, Instant at, long day, long amount)
                throws IOException {
            if (row != rowNo || !tenant.equals(tenantId)) {
                flush();
                rowNo = row;
                tenantId = tenant;
            }
            // Series mostly come whole, one after the other: the last one is checked before the map.
            if (lastKey == null
                    || !lastKey.usageName().equals(usageName)
                    || !lastKey.edition().equals(edition)
                    || !lastKey.userId().equals(userId)) {
                lastKey = new Key(usageName, edition, userId);
                last = series.computeIfAbsent(lastKey, k -> new ArrayList<>());
            }
            last.add(new Reading(at, day, amount));
        }

        void flush() throws IOException {
            for (Map.Entry<Key, List<Reading>> e : series.entrySet()) {
                List<Reading> readings = e.getValue();
                if (!inTimeOrder(readings)) {
                    readings.sort(Comparator.comparing(Reading::at));
                }
                Key key = e.getKey();
                for (Reading r : readings) {
                    sink.reading(
                            rowNo, tenantId, key.usageName(), key.edition(), key.userId(), r.epochDay(), r.amount());
                }
            }
            series.clear();
            lastKey = null;
            last = null;
        }

        private static boolean inTimeOrder(List<Reading> readings) {
            for (int i = 1; i < readings.size(); i++) {
                if (readings.get(i).at().isBefore(readings.get(i - 1).at())) {
                    return false;
                }
            }
            return true;
        }
    }

    private static PreparedStatement cursor(Connection connection, String sql) throws SQLException {
        PreparedStatement s = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        s.setFetchSize(FETCH_SIZE);
        return s;
    }
}
