package io.usagereports.service.generation;

import io.usagereports.service.generation.ReportReadings.ReadingSink;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * For reports that only seek (current, summary): walks a tenant's readings through the key alone
 * (times, not amounts: no table row is read), keeps per series the time of its latest reading
 * before each seek bound, then looks up the amounts of just those readings by their whole key.
 * Each series' values are handed on as readings on the seek dates, in date order.
 */
final class SeekingTenants implements H2TenantReader {

    private final long[] seekDays;
    private final OffsetDateTime[] bounds;
    private final PreparedStatement times;
    private final PreparedStatement amount;

    /** The tenant's series walked but not yet handed on: at most {@link H2ReportReadings#MAX_PENDING_SERIES}. */
    private final List<Pending> pending = new ArrayList<>();

    SeekingTenants(Connection connection, ReadingWindows windows) throws SQLException {
        this.seekDays = windows.seekDays();
        this.bounds = new OffsetDateTime[seekDays.length];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = windows.seekBound(i);
        }
        this.times = connection.prepareStatement("SELECT usage_name, edition, user_id, measured_at"
                + " FROM usage_reading WHERE tenant_id = ? AND measured_at < ?"
                + " ORDER BY tenant_id, usage_name, edition, user_id, measured_at");
        this.amount = connection.prepareStatement("SELECT amount FROM usage_reading"
                + " WHERE tenant_id = ? AND usage_name = ? AND edition = ? AND user_id = ? AND measured_at = ?");
    }

    /** A series and, per seek, the time of its latest reading before the bound (null: none). */
    private record Pending(String usageName, String edition, UUID userId, OffsetDateTime[] latest) {
        boolean is(String usage, String editionOf, UUID user) {
            return usageName.equals(usage) && edition.equals(editionOf) && userId.equals(user);
        }
    }

    @Override
    public void read(Member member, ReadingSink sink) throws SQLException, IOException {
        times.setObject(1, member.tenantId());
        times.setObject(2, bounds[bounds.length - 1]);
        try (ResultSet rs = times.executeQuery()) {
            Pending current = null;
            while (rs.next()) {
                UUID user = rs.getObject(3, UUID.class);
                if (!member.reads(user)) {
                    continue;
                }
                String usage = rs.getString(1);
                String edition = rs.getString(2);
                if (current == null || !current.is(usage, edition, user)) {
                    if (pending.size() == H2ReportReadings.MAX_PENDING_SERIES) {
                        handOn(member, sink); // every pending series is whole: a new one starts
                    }
                    current = new Pending(usage, edition, user, new OffsetDateTime[bounds.length]);
                    pending.add(current);
                }
                OffsetDateTime at = rs.getObject(4, OffsetDateTime.class);
                // Oldest first: this reading is the latest so far before every bound it precedes.
                for (int i = bounds.length - 1; i >= 0 && at.isBefore(bounds[i]); i--) {
                    current.latest()[i] = at;
                }
            }
        }
        handOn(member, sink);
    }

    /** Looks up the pending series' amounts (each reading once, however many seeks it serves) and hands them on. */
    private void handOn(Member member, ReadingSink sink) throws SQLException, IOException {
        for (Pending series : pending) {
            OffsetDateTime looked = null;
            long value = 0;
            for (int i = 0; i < bounds.length; i++) {
                OffsetDateTime at = series.latest()[i];
                if (at == null) {
                    continue;
                }
                if (!at.equals(looked)) {
                    value = amount(member.tenantId(), series, at);
                    looked = at;
                }
                sink.reading(
                        member.rowNo(),
                        member.tenantId(),
                        series.usageName(),
                        series.edition(),
                        series.userId(),
                        seekDays[i],
                        value);
            }
        }
        pending.clear();
    }

    private long amount(UUID tenantId, Pending series, OffsetDateTime at) throws SQLException {
        amount.setObject(1, tenantId);
        amount.setString(2, series.usageName());
        amount.setString(3, series.edition());
        amount.setObject(4, series.userId());
        amount.setObject(5, at);
        try (ResultSet rs = amount.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException(
                        "A reading of tenant " + tenantId + " vanished while read" + " (readings are never deleted)");
            }
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try (times;
                amount) {
            pending.clear();
        }
    }
}
