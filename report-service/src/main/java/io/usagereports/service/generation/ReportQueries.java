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
import java.util.Locale;
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
     * The one aggregate query of a report, in the database's dialect: every reading up to the
     * report's last day of every tenant (or user) rolling up into each row, in the order
     * {@link RowAggregator} consumes:
     * by row, then tenant (nearest first), then series, oldest reading first. The order follows
     * the work table's key, so PostgreSQL sorts only each tenant's readings (an incremental sort
     * over a nested loop) instead of the whole report. The day of a reading is computed by the
     * database: converting millions of timestamps costs more on the Java side.
     */
    static String reportSql(Connection c) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        // PostgreSQL's EXTRACT(EPOCH …) is a NUMERIC, slow over millions of rows; date arithmetic is not.
        String epochDay = postgres ? "((r.measured_at AT TIME ZONE 'UTC')::date - DATE '1970-01-01')"
                : "FLOOR(EXTRACT(EPOCH FROM r.measured_at) / 86400)";
        return "SELECT m.row_no, r.tenant_id, r.usage_name, r.edition, r.user_id, " + epochDay + " AS epoch_day,"
                + " r.amount FROM report_run_member m JOIN usage_reading r ON r.tenant_id = m.tenant_id"
                + " WHERE m.run_id = ? AND m.attempt = ? AND r.measured_at < ?"
                + " AND (m.user_id = ? OR r.user_id = m.user_id)"
                + " ORDER BY m.row_no, m.depth, m.tenant_id, r.usage_name, r.edition, r.user_id, r.measured_at";
    }

    /**
     * The offering items describing each row's usages, nearest tenant first: a small query read
     * alongside the report query.
     */
    static final String OFFERING_SQL = "SELECT m.row_no, o.usage_name, o.edition, o.measurement_unit, o.sku"
            + " FROM report_run_member m JOIN offering_item o ON o.tenant_id = m.tenant_id"
            + " WHERE m.run_id = ? AND m.attempt = ?"
            + " ORDER BY m.row_no, m.depth, m.tenant_id, o.usage_name, o.edition";

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

    /** Feeds the offering items of rows up to {@code rowNo}; returns whether any are left. */
    private static boolean describe(ResultSet offering, boolean more, int rowNo, RowAggregator aggregator)
            throws SQLException, IOException {
        while (more && offering.getInt(1) <= rowNo) {
            aggregator.offeringItem(offering.getInt(1), offering.getString(2), offering.getString(3),
                    offering.getString(4), offering.getString(5));
            more = offering.next();
        }
        return more;
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
                rs.getObject(2, UUID.class);
                rs.getString(3);
                rs.getString(4);
                rs.getObject(5, UUID.class);
                rs.getLong(6);
                rs.getLong(7);
                rows++;
            }
        }
        return rows;
    }

    private static PreparedStatement prepareReportQuery(Connection c, UUID runId, int attempt, OffsetDateTime end)
            throws SQLException {
        PreparedStatement s = c.prepareStatement(reportSql(c), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        s.setFetchSize(FETCH_SIZE);
        s.setObject(1, runId);
        s.setInt(2, attempt);
        s.setObject(3, end);
        s.setObject(4, RowPlan.ALL_USERS);
        return s;
    }

    /**
     * Streams the report query into the aggregator. The connection must not be in auto-commit
     * mode, so that PostgreSQL reads through a cursor instead of loading the whole result.
     */
    public static void stream(Connection c, UUID runId, int attempt, OffsetDateTime end, RowAggregator aggregator)
            throws SQLException, IOException {
        try (PreparedStatement items = c.prepareStatement(OFFERING_SQL);
             PreparedStatement readings = prepareReportQuery(c, runId, attempt, end)) {
            items.setObject(1, runId);
            items.setInt(2, attempt);
            try (ResultSet offering = items.executeQuery(); ResultSet rs = readings.executeQuery()) {
                boolean moreItems = offering.next();
                while (rs.next()) {
                    int rowNo = rs.getInt(1);
                    moreItems = describe(offering, moreItems, rowNo, aggregator);
                    aggregator.reading(rowNo, rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getObject(5, UUID.class), rs.getLong(6), rs.getLong(7));
                }
                describe(offering, moreItems, Integer.MAX_VALUE, aggregator);
            }
        }
        aggregator.finish();
    }
}
