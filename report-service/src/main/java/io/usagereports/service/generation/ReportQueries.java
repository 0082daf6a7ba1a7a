package io.usagereports.service.generation;

import io.usagereports.model.common.WireEnum;
import io.usagereports.model.directory.TenantKind;
import io.usagereports.service.generation.RowPlan.Member;
import io.usagereports.service.generation.RowPlan.TreeTenant;
import io.usagereports.service.generation.RowPlan.TreeUser;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL of generation, on a connection the caller owns (and commits). Portable between H2 and
 * PostgreSQL.
 */
public final class ReportQueries {

    /** Rows fetched per round trip while streaming the report. */
    static final int FETCH_SIZE = 10_000;
    private static final int INSERT_BATCH = 1000;

    /**
     * The one aggregate query of a report: every reading up to the report's last day of every
     * tenant (or user) rolling up into each row, and the offering items describing them, in the
     * order {@link RowAggregator} consumes. Offering items have no instant and sort first.
     */
    static final String REPORT_SQL = "SELECT m.row_no, m.depth, r.tenant_id, r.usage_name, r.edition, r.user_id,"
            + " r.measured_at, r.amount, CAST(NULL AS VARCHAR(32)) AS unit, CAST(NULL AS VARCHAR(64)) AS sku"
            + " FROM report_run_member m JOIN usage_reading r ON r.tenant_id = m.tenant_id"
            + " WHERE m.run_id = ? AND m.attempt = ? AND r.measured_at < ?"
            + " AND (m.user_id = ? OR r.user_id = m.user_id)"
            + " UNION ALL"
            + " SELECT m.row_no, m.depth, o.tenant_id, o.usage_name, o.edition, m.user_id,"
            + " NULL, 0, o.measurement_unit, o.sku"
            + " FROM report_run_member m JOIN offering_item o ON o.tenant_id = m.tenant_id"
            + " WHERE m.run_id = ? AND m.attempt = ?"
            + " ORDER BY 1, 2, 3, 4, 5, 6, 7 NULLS FIRST";

    private ReportQueries() {
    }

    /**
     * The subject ({@code path}) and its subtree, each tenant named as it was named at
     * {@code asOf} (exclusive), or by its first name if it got its name later.
     */
    public static List<TreeTenant> tree(Connection c, String path, OffsetDateTime asOf) throws SQLException {
        Map<UUID, String> names = namesAsOf(c, path, asOf);
        List<TreeTenant> tenants = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, parent_id, kind, name FROM tenant WHERE path LIKE ?")) {
            s.setString(1, path + "%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    tenants.add(new TreeTenant(id, rs.getObject(2, UUID.class),
                            WireEnum.parse(TenantKind.class, rs.getString(3)).orElseThrow(),
                            names.getOrDefault(id, rs.getString(4))));
                }
            }
        }
        return tenants;
    }

    private static Map<UUID, String> namesAsOf(Connection c, String path, OffsetDateTime asOf) throws SQLException {
        Map<UUID, String> names = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT n.tenant_id, n.valid_from, n.name FROM tenant_name n"
                + " JOIN tenant t ON t.id = n.tenant_id WHERE t.path LIKE ? ORDER BY n.tenant_id, n.valid_from")) {
            s.setString(1, path + "%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    boolean inForce = rs.getObject(2, OffsetDateTime.class).isBefore(asOf);
                    // Oldest first: the first name stands until a later one was in force.
                    if (inForce || !names.containsKey(id)) {
                        names.put(id, rs.getString(3));
                    }
                }
            }
        }
        return names;
    }

    /** Users of the subtree with readings of their own before {@code end}, by tenant, by login. */
    public static Map<UUID, List<TreeUser>> usersWithReadings(Connection c, String path, OffsetDateTime end)
            throws SQLException {
        Map<UUID, List<TreeUser>> users = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT u.id, u.tenant_id, u.login FROM app_user u"
                + " JOIN tenant t ON t.id = u.tenant_id WHERE t.path LIKE ? AND EXISTS (SELECT 1 FROM usage_reading r"
                + " WHERE r.tenant_id = u.tenant_id AND r.user_id = u.id AND r.measured_at < ?) ORDER BY u.login")) {
            s.setString(1, path + "%");
            s.setObject(2, end);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    TreeUser user = new TreeUser(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getString(3));
                    users.computeIfAbsent(user.tenantId(), k -> new ArrayList<>()).add(user);
                }
            }
        }
        return users;
    }

    public static void insertMembers(Connection c, UUID runId, int attempt, List<Member> members) throws SQLException {
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

    public static void deleteMembers(Connection c, UUID runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM report_run_member WHERE run_id = ?")) {
            s.setObject(1, runId);
            s.executeUpdate();
        }
    }

    /**
     * Runs the report query and reads every column of every row, generating nothing: the bare
     * cost of the database's part of a report, for benchmarks. Returns the number of rows.
     */
    public static long scan(Connection c, UUID runId, int attempt, OffsetDateTime end) throws SQLException {
        long rows = 0;
        try (PreparedStatement s = prepareReportQuery(c, runId, attempt, end); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rs.getInt(1);
                rs.getObject(3, UUID.class);
                rs.getString(4);
                rs.getString(5);
                rs.getObject(6, UUID.class);
                rs.getObject(7, OffsetDateTime.class);
                rs.getLong(8);
                rs.getString(9);
                rs.getString(10);
                rows++;
            }
        }
        return rows;
    }

    private static PreparedStatement prepareReportQuery(Connection c, UUID runId, int attempt, OffsetDateTime end)
            throws SQLException {
        PreparedStatement s = c.prepareStatement(REPORT_SQL, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        s.setFetchSize(FETCH_SIZE);
        s.setObject(1, runId);
        s.setInt(2, attempt);
        s.setObject(3, end);
        s.setObject(4, RowPlan.ALL_USERS);
        s.setObject(5, runId);
        s.setInt(6, attempt);
        return s;
    }

    /**
     * Streams the report query into the aggregator. The connection must not be in auto-commit
     * mode, so that PostgreSQL reads through a cursor instead of loading the whole result.
     */
    public static void stream(Connection c, UUID runId, int attempt, OffsetDateTime end, RowAggregator aggregator)
            throws SQLException, IOException {
        try (PreparedStatement s = prepareReportQuery(c, runId, attempt, end)) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int rowNo = rs.getInt(1);
                    OffsetDateTime measuredAt = rs.getObject(7, OffsetDateTime.class);
                    if (measuredAt == null) {
                        aggregator.offeringItem(rowNo, rs.getString(4), rs.getString(5), rs.getString(9),
                                rs.getString(10));
                    } else {
                        aggregator.reading(rowNo, rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5),
                                rs.getObject(6, UUID.class), Math.floorDiv(measuredAt.toEpochSecond(), 86_400L),
                                rs.getLong(8));
                    }
                }
            }
        }
        aggregator.finish();
    }
}
