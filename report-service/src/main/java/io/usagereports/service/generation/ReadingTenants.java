package io.usagereports.service.generation;

import io.usagereports.service.generation.ReportReadings.ReadingSink;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Reads every reading of a tenant up to the report's end, with its amount, and hands on what
 * {@link ReadingWindows} selects of each series: its value at each seek date (the latest reading
 * before its bound, as a reading on that date), then its readings of the range's days. A series'
 * older history is read and passed over: an embedded database holds little of it.
 */
final class ReadingTenants implements H2TenantReader {

    private final ReadingWindows windows;
    private final OffsetDateTime end;
    private final PreparedStatement readings;

    ReadingTenants(Connection connection, ReadingWindows windows) throws SQLException {
        this.windows = windows;
        this.end = windows.rangeTo();
        this.readings = connection.prepareStatement("SELECT usage_name, edition, user_id, measured_at, amount"
                + " FROM usage_reading WHERE tenant_id = ? AND measured_at < ?"
                + " ORDER BY tenant_id, usage_name, edition, user_id, measured_at");
    }

    @Override
    public void read(Member member, ReadingSink sink) throws SQLException, IOException {
        readings.setObject(1, member.tenantId());
        readings.setObject(2, end);
        try (ResultSet rs = readings.executeQuery()) {
            Series series = new Series(windows, member.rowNo(), member.tenantId(), sink);
            while (rs.next()) {
                UUID user = rs.getObject(3, UUID.class);
                if (member.reads(user)) {
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

    @Override
    public void close() throws SQLException {
        readings.close();
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
