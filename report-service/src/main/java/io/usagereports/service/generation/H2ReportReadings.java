package io.usagereports.service.generation;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The embedded H2 walks the work table's tenants itself and reads each tenant's readings up to the
 * report's end with one query, in the key's order (each series contiguous, oldest first): H2
 * cannot stream the one-query form (it has no {@code LATERAL}, plans correlated subqueries as
 * scans, and sorts a join's whole result in memory before its first row), and each query it runs
 * costs tens of microseconds however small, so one per tenant beats one per series and date by
 * far. Embedded, a query costs no round trip, and memory stays at one reading.
 *
 * <p>Of each series, this hands on what {@link ReadingWindows} selects: its value at each seek
 * date (the latest reading before its bound, as a reading on that date), then its readings of the
 * range's days. A series' older history is read and passed over: an embedded database holds
 * little of it, where PostgreSQL seeks instead.
 */
final class H2ReportReadings implements ReportReadings {

    private static final String READINGS = "SELECT usage_name, edition, user_id, measured_at, amount"
            + " FROM usage_reading WHERE tenant_id = ? AND measured_at < ?"
            + " ORDER BY tenant_id, usage_name, edition, user_id, measured_at";

    @Override
    public void read(Connection connection, UUID runId, int attempt, ReadingWindows windows, ReadingSink sink)
            throws SQLException, IOException {
        OffsetDateTime end = windows.hasRange()
                ? windows.rangeTo()
                : windows.seekBound(windows.seekDates().size() - 1);
        try (PreparedStatement members = connection.prepareStatement(
                        "SELECT row_no, tenant_id, user_id"
                                + " FROM report_run_member WHERE run_id = ? AND attempt = ? ORDER BY row_no, depth, tenant_id");
                PreparedStatement readings = connection.prepareStatement(READINGS)) {
            members.setObject(1, runId);
            members.setInt(2, attempt);
            try (ResultSet m = members.executeQuery()) {
                while (m.next()) {
                    int rowNo = m.getInt(1);
                    UUID tenantId = m.getObject(2, UUID.class);
                    UUID userId = m.getObject(3, UUID.class);
                    readings.setObject(1, tenantId);
                    readings.setObject(2, end);
                    try (ResultSet rs = readings.executeQuery()) {
                        Series series = new Series(windows, rowNo, tenantId, sink);
                        while (rs.next()) {
                            UUID user = rs.getObject(3, UUID.class);
                            if (userId.equals(RowPlan.ALL_USERS) || userId.equals(user)) {
                                series.reading(
                                        rs.getString(1),
                                        rs.getString(2),
                                        user,
                                        rs.getObject(4, OffsetDateTime.class),
                                        rs.getLong(5));
                            }
                        }
                        series.finish();
                    }
                }
            }
        }
    }

    /** Turns one series' readings, oldest first, into its seek values and range readings. */
    private static final class Series {
        private final ReadingWindows windows;
        private final int rowNo;
        private final UUID tenantId;
        private final ReadingSink sink;
        private final long[] seekDays;
        private String usageName;
        private String edition;
        private UUID userId;
        private int nextSeek;
        private boolean hasValue;
        private long value;

        Series(ReadingWindows windows, int rowNo, UUID tenantId, ReadingSink sink) {
            this.windows = windows;
            this.rowNo = rowNo;
            this.tenantId = tenantId;
            this.sink = sink;
            this.seekDays = windows.seekDays();
        }

        void reading(String usage, String editionOf, UUID user, OffsetDateTime at, long amount) throws IOException {
            if (usageName == null || !usageName.equals(usage) || !edition.equals(editionOf) || !userId.equals(user)) {
                finish();
                usageName = usage;
                edition = editionOf;
                userId = user;
                nextSeek = 0;
                hasValue = false;
            }
            // Seek dates whose bound this reading passes get the value before it.
            while (nextSeek < seekDays.length && !at.isBefore(windows.seekBound(nextSeek))) {
                emitSeek();
            }
            if (windows.hasRange() && !at.isBefore(windows.rangeFrom())) {
                finishSeeks();
                sink.reading(rowNo, tenantId, usageName, edition, userId, windows.epochDay(at.toInstant()), amount);
            }
            hasValue = true;
            value = amount;
        }

        private void emitSeek() throws IOException {
            if (hasValue) {
                sink.reading(rowNo, tenantId, usageName, edition, userId, seekDays[nextSeek], value);
            }
            nextSeek++;
        }

        private void finishSeeks() throws IOException {
            while (nextSeek < seekDays.length) {
                emitSeek();
            }
        }

        void finish() throws IOException {
            if (usageName != null) {
                finishSeeks();
                usageName = null;
            }
        }
    }
}
