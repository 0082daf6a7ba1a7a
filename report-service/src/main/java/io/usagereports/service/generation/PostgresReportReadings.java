package io.usagereports.service.generation;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
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
 * ({@link ReadingWindows#epochDayOfMicros}).</li>
 * </ul>
 * The result is ordered by the work table's own order (row, depth, tenant): that order comes from
 * its key and costs no sort. Memoize (which never hits here), parallel plans and JIT are off for
 * these queries.
 *
 * <p>The values are written into the SQL as typed literals ({@code COPY} takes no parameters):
 * UUIDs, timestamps, an attempt number and a time zone ID, all produced by this server.
 */
final class PostgresReportReadings implements ReportReadings {

    /** The readings of the series {@code s}, under the alias {@code alias}. */
    private static String readingsOfSeries(String alias) {
        return " FROM usage_reading " + alias + " WHERE " + alias + ".tenant_id = s.tenant_id AND " + alias
                + ".usage_name = s.usage_name AND " + alias + ".edition = s.edition AND " + alias
                + ".user_id = s.user_id";
    }

    /** The series' latest reading before {@code bound}: a backward scan of the key, stopped at its first entry. */
    private static String seek(String columns, OffsetDateTime bound) {
        return "(SELECT " + columns + readingsOfSeries("y") + " AND y.measured_at < " + PgCopyReader.literal(bound)
                + " ORDER BY y.measured_at DESC LIMIT 1)";
    }

    /** The columns naming the series of a result row, which both forms start with. */
    private static final String SERIES_COLUMNS = "SELECT m.row_no, s.tenant_id, s.usage_name, s.edition, s.user_id, ";

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
            values.add(seek("y.amount", windows.seekBound(i)) + " AS v" + i);
        }
        return SERIES_COLUMNS + String.join(", ", values) + seriesOfRows() + inWorkOrder(runId, attempt);
    }

    private static String rangeSql(UUID runId, int attempt, ReadingWindows windows) {
        return SERIES_COLUMNS + "x.measured_at, x.amounts" + seriesOfRows()
                + " CROSS JOIN LATERAL (SELECT array_agg(t.measured_at) AS measured_at, array_agg(t.amount) AS amounts"
                + " FROM (" + seek("y.measured_at, y.amount", windows.seekBound(0))
                + " UNION ALL (SELECT r.measured_at, r.amount" + readingsOfSeries("r")
                + " AND r.measured_at >= " + PgCopyReader.literal(windows.rangeFrom())
                + " AND r.measured_at < " + PgCopyReader.literal(windows.rangeTo())
                + " ORDER BY r.measured_at)) t) x"
                + inWorkOrder(runId, attempt);
    }

    /**
     * No: PostgreSQL works in a process of its own, and the socket buffers the stream ahead of this
     * thread, which decodes and aggregates far faster than the database produces (the benchmark's
     * daily report: about a second of this thread's time against 5 s of the database's). A thread
     * apart only added one more thread competing with the database for the cores, and an object
     * per reading between them (300 MB for that report): aggregating here took 0.5-0.9 s off the
     * server's CPU time for that report (interleaved runs, same server).
     */
    @Override
    public boolean aggregatesApart() {
        return false;
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

    /** The series a result row is about: the columns both forms start with ({@link #SERIES_COLUMNS}). */
    private record Series(int rowNo, UUID tenantId, String usageName, String edition, UUID userId) {
        static Series read(PgCopyReader rows) throws SQLException {
            return new Series(rows.int4(), rows.uuid(), rows.text(), rows.text(), rows.uuid());
        }

        void reading(ReadingSink sink, long epochDay, long amount) throws IOException {
            sink.reading(rowNo, tenantId, usageName, edition, userId, epochDay, amount);
        }
    }

    private static void readSeeks(
            Connection connection, UUID runId, int attempt, ReadingWindows windows, ReadingSink sink)
            throws SQLException, IOException {
        int seeks = windows.seekDates().size();
        long[] days = windows.seekDays();
        try (PgCopyReader rows = PgCopyReader.open(connection, seeksSql(runId, attempt, windows))) {
            while (rows.next()) {
                Series series = Series.read(rows);
                for (int i = 0; i < seeks; i++) {
                    long amount = rows.int8();
                    if (!rows.wasNull()) {
                        series.reading(sink, days[i], amount);
                    }
                }
            }
        }
    }

    private static void readRange(
            Connection connection, UUID runId, int attempt, ReadingWindows windows, ReadingSink sink)
            throws SQLException, IOException {
        try (PgCopyReader rows = PgCopyReader.open(connection, rangeSql(runId, attempt, windows))) {
            while (rows.next()) {
                Series series = Series.read(rows);
                long[] times = rows.timestampArray();
                long[] amounts = rows.int8Array();
                if (times == null) {
                    continue; // no reading before the range's end
                }
                inTimeOrder(times, amounts);
                for (int i = 0; i < times.length; i++) {
                    series.reading(sink, windows.epochDayOfMicros(times[i]), amounts[i]);
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
}
