package io.usagereports.service.generation;

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
 * The embedded H2 walks the work table's tenants and their series itself, with one small indexed
 * query per tenant, seek and range. H2 cannot stream the one-query form: it has no {@code LATERAL},
 * plans correlated subqueries as scans, and sorts a join's whole result in memory before the
 * first row, which at provider size fills the heap it shares with the server. Embedded, a query
 * costs no round trip, and every one of these follows the primary key (a seek reads the key
 * backwards and stops at its first entry), so nothing is sorted and memory stays at one tenant's
 * series.
 */
final class H2ReportReadings implements ReportReadings {

    private static final String SERIES = "SELECT usage_name, edition, user_id FROM usage_series WHERE tenant_id = ?";
    private static final String SAME_SERIES =
            " FROM usage_reading WHERE tenant_id = ? AND usage_name = ?" + " AND edition = ? AND user_id = ?";
    private static final String SEEK =
            "SELECT amount" + SAME_SERIES + " AND measured_at < ? ORDER BY measured_at DESC FETCH FIRST ROW ONLY";
    private static final String RANGE = "SELECT measured_at, amount" + SAME_SERIES
            + " AND measured_at >= ? AND measured_at < ? ORDER BY measured_at";

    private record Series(String usageName, String edition, UUID userId) {}

    @Override
    public void read(Connection connection, UUID runId, int attempt, ReadingWindows windows, ReadingSink sink)
            throws SQLException, IOException {
        try (PreparedStatement members = connection.prepareStatement(
                        "SELECT row_no, tenant_id, user_id"
                                + " FROM report_run_member WHERE run_id = ? AND attempt = ? ORDER BY row_no, depth, tenant_id");
                PreparedStatement series = connection.prepareStatement(SERIES);
                PreparedStatement seek = connection.prepareStatement(SEEK);
                PreparedStatement range = connection.prepareStatement(RANGE)) {
            long[] days = windows.seekDays();
            members.setObject(1, runId);
            members.setInt(2, attempt);
            try (ResultSet m = members.executeQuery()) {
                while (m.next()) {
                    int rowNo = m.getInt(1);
                    UUID tenantId = m.getObject(2, UUID.class);
                    UUID userId = m.getObject(3, UUID.class);
                    for (Series s : series(series, tenantId, userId)) {
                        bindSeries(seek, tenantId, s);
                        for (int i = 0; i < days.length; i++) {
                            seek.setObject(5, windows.seekBound(i));
                            try (ResultSet rs = seek.executeQuery()) {
                                if (rs.next()) {
                                    sink.reading(
                                            rowNo,
                                            tenantId,
                                            s.usageName(),
                                            s.edition(),
                                            s.userId(),
                                            days[i],
                                            rs.getLong(1));
                                }
                            }
                        }
                        if (windows.hasRange()) {
                            bindSeries(range, tenantId, s);
                            range.setObject(5, windows.rangeFrom());
                            range.setObject(6, windows.rangeTo());
                            readRange(range, windows, rowNo, tenantId, s, sink);
                        }
                    }
                }
            }
        }
    }

    /** The tenant's series; a user's row takes only that user's. */
    private static List<Series> series(PreparedStatement statement, UUID tenantId, UUID userId) throws SQLException {
        statement.setObject(1, tenantId);
        List<Series> found = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Series s = new Series(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class));
                if (userId.equals(RowPlan.ALL_USERS) || userId.equals(s.userId())) {
                    found.add(s);
                }
            }
        }
        return found;
    }

    private static void bindSeries(PreparedStatement statement, UUID tenantId, Series s) throws SQLException {
        statement.setObject(1, tenantId);
        statement.setString(2, s.usageName());
        statement.setString(3, s.edition());
        statement.setObject(4, s.userId());
    }

    private static void readRange(
            PreparedStatement statement, ReadingWindows windows, int rowNo, UUID tenantId, Series s, ReadingSink sink)
            throws SQLException, IOException {
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                long epochDay =
                        windows.epochDay(rs.getObject(1, OffsetDateTime.class).toInstant());
                sink.reading(rowNo, tenantId, s.usageName(), s.edition(), s.userId(), epochDay, rs.getLong(2));
            }
        }
    }
}
