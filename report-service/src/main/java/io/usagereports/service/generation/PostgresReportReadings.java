package io.usagereports.service.generation;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One query per report, in one of two forms, each shaped so that PostgreSQL streams it in the
 * work table's order without sorting anything (plans checked on the benchmark's 6.2 million
 * readings), and read through a binary {@code COPY} ({@link PgCopyReader}): the database produces
 * rows while this thread decodes the ones before them. Both walk each tenant's registered series
 * ({@code usage_series}) and read the readings' key alone: it carries the amount (migration V13),
 * so no table page is read. Each result row is one series, whole:
 * <ul>
 * <li><b>Seeks only</b> (current, summary): one correlated {@code LIMIT 1} subquery per seek date
 * (a backward scan of the key that stops at its first entry) gives the series' value at each.</li>
 * <li><b>Range</b> (daily, breakdown): the series' carry-in seek and every reading of the range's
 * days, as two arrays (times, amounts) aggregated in the database. Per reading, a row of its own
 * cost the database twice as much: the series' tenant, names and user written out again for
 * each reading, and a row's own overhead (measured: 7.2 s against 4.1 s for the benchmark's 6.2
 * million readings). The day of each reading in the report's time zone is computed here
 * ({@link ReadingDays}).</li>
 * </ul>
 * The result is ordered by the work table's own order (row, depth, tenant): that order comes from
 * its key and costs no sort. Memoize (which never hits here), parallel plans and JIT are off for
 * these queries.
 *
 * <p>The values are written into the SQL as typed literals ({@code COPY} takes no parameters):
 * UUIDs, timestamps, an attempt number and a time zone ID, all produced by this server.
 */
final class PostgresReportReadings implements ReportReadings {

    private static String seek(String bound) {
        return "(SELECT y.amount FROM usage_reading y WHERE y.tenant_id = s.tenant_id AND y.usage_name = s.usage_name"
                + " AND y.edition = s.edition AND y.user_id = s.user_id AND y.measured_at < " + bound
                + " ORDER BY y.measured_at DESC LIMIT 1)";
    }

    /** The series of the attempt's rows: each tenant's, or one user's of it. */
    private static String seriesOfRows() {
        return " FROM report_run_member m JOIN usage_series s ON s.tenant_id = m.tenant_id AND (m.user_id = "
                + PgCopyReader.literal(RowPlan.ALL_USERS) + " OR s.user_id = m.user_id)";
    }

    private static String inWorkOrder(UUID runId, int attempt) {
        return " WHERE m.run_id = " + PgCopyReader.literal(runId) + " AND m.attempt = " + attempt
                + " ORDER BY m.row_no, m.depth, m.tenant_id";
    }

    private static String seeksSql(UUID runId, int attempt, ReadingWindows windows) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < windows.seekDates().size(); i++) {
            values.add(seek(PgCopyReader.literal(windows.seekBound(i))) + " AS v" + i);
        }
        return "SELECT m.row_no, s.tenant_id, s.usage_name, s.edition, s.user_id, " + String.join(", ", values)
                + seriesOfRows() + inWorkOrder(runId, attempt);
    }

    private static String rangeSql(UUID runId, int attempt, ReadingWindows windows) {
        return "SELECT m.row_no, s.tenant_id, s.usage_name, s.edition, s.user_id, x.measured_at, x.amounts"
                + seriesOfRows()
                + " CROSS JOIN LATERAL (SELECT array_agg(t.measured_at) AS measured_at, array_agg(t.amount) AS amounts"
                + " FROM ((SELECT y.measured_at, y.amount FROM usage_reading y"
                + " WHERE y.tenant_id = s.tenant_id AND y.usage_name = s.usage_name AND y.edition = s.edition"
                + " AND y.user_id = s.user_id AND y.measured_at < " + PgCopyReader.literal(windows.seekBound(0))
                + " ORDER BY y.measured_at DESC LIMIT 1)"
                + " UNION ALL (SELECT r.measured_at, r.amount FROM usage_reading r WHERE r.tenant_id = s.tenant_id"
                + " AND r.usage_name = s.usage_name AND r.edition = s.edition AND r.user_id = s.user_id"
                + " AND r.measured_at >= " + PgCopyReader.literal(windows.rangeFrom())
                + " AND r.measured_at < " + PgCopyReader.literal(windows.rangeTo())
                + " ORDER BY r.measured_at)) t) x"
                + inWorkOrder(runId, attempt);
    }

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
        try (PgCopyReader rows = PgCopyReader.open(connection, seeksSql(runId, attempt, windows))) {
            while (rows.next()) {
                int rowNo = rows.int4();
                UUID tenantId = rows.uuid();
                String usageName = rows.text();
                String edition = rows.text();
                UUID userId = rows.uuid();
                for (int i = 0; i < seeks; i++) {
                    long amount = rows.int8();
                    if (!rows.wasNull()) {
                        sink.reading(rowNo, tenantId, usageName, edition, userId, days[i], amount);
                    }
                }
            }
        }
    }

    private static void readRange(
            Connection connection, UUID runId, int attempt, ReadingWindows windows, ReadingSink sink)
            throws SQLException, IOException {
        ReadingDays days = new ReadingDays(windows.zone());
        try (PgCopyReader rows = PgCopyReader.open(connection, rangeSql(runId, attempt, windows))) {
            while (rows.next()) {
                int rowNo = rows.int4();
                UUID tenantId = rows.uuid();
                String usageName = rows.text();
                String edition = rows.text();
                UUID userId = rows.uuid();
                long[] times = rows.timestampArray();
                long[] amounts = rows.int8Array();
                if (times == null) {
                    continue; // no reading before the range's end
                }
                inTimeOrder(times, amounts);
                for (int i = 0; i < times.length; i++) {
                    sink.reading(rowNo, tenantId, usageName, edition, userId, days.of(times[i]), amounts[i]);
                }
            }
        }
    }

    /**
     * Puts a series' readings in time order if they are not. The aggregate collects them in the
     * order its input gives (carry-in, then the range's readings by time), which PostgreSQL keeps
     * but SQL does not promise; checking costs a comparison per reading.
     */
    static void inTimeOrder(long[] times, long[] amounts) {
        for (int i = 1; i < times.length; i++) {
            if (times[i] < times[i - 1]) {
                Integer[] order = new Integer[times.length];
                Arrays.setAll(order, k -> k);
                Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
                long[] t = times.clone();
                long[] v = amounts.clone();
                for (int k = 0; k < order.length; k++) {
                    times[k] = t[order[k]];
                    amounts[k] = v[order[k]];
                }
                return;
            }
        }
    }

    /**
     * The day, in the report's time zone, of a time in microseconds since the epoch: arithmetic for
     * a zone of one fixed offset (UTC, by default), the zone's rules otherwise.
     */
    static final class ReadingDays {
        private static final long MICROS_PER_SECOND = 1_000_000L;
        private static final long SECONDS_PER_DAY = 86_400L;

        private final ZoneId zone;
        private final boolean fixedOffset;
        private final long offsetSeconds;

        ReadingDays(ZoneId zone) {
            this.zone = zone;
            ZoneRules rules = zone.getRules();
            this.fixedOffset = rules.isFixedOffset();
            this.offsetSeconds = rules.getOffset(Instant.EPOCH).getTotalSeconds();
        }

        long of(long micros) {
            long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
            if (fixedOffset) {
                return Math.floorDiv(seconds + offsetSeconds, SECONDS_PER_DAY);
            }
            return LocalDate.ofInstant(Instant.ofEpochSecond(seconds), zone).toEpochDay();
        }
    }
}
