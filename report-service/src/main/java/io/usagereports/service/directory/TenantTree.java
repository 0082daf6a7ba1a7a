package io.usagereports.service.directory;

import io.usagereports.model.common.WireEnum;
import io.usagereports.model.directory.TenantKind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The directory's read model for reports: a subtree of tenants with the names they had at an
 * instant, and its users. Plain statements of their own, outside any transaction: a report reads
 * tenant trees of thousands of tenants, which entities would only slow down.
 */
@ApplicationScoped
public class TenantTree {

    @Resource(lookup = "jdbc/reportsNonTx")
    DataSource dataSource;

    /** The materialized path of a tenant (its ancestors' IDs and its own), or empty if it does not exist. */
    public Optional<String> path(UUID tenantId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT path FROM tenant WHERE id = ?")) {
            s.setObject(1, tenantId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading tenant " + tenantId + " failed", e);
        }
    }

    /**
     * The tenant at {@code path} and every tenant below it, each named as it was named before
     * {@code asOf}, or by its first name if it got its name later.
     */
    public List<TreeTenant> subtree(String path, OffsetDateTime asOf) {
        try (Connection c = dataSource.getConnection()) {
            return subtree(c, path, asOf);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the tenants under " + path + " failed", e);
        }
    }

    /** {@link #subtree(String, OffsetDateTime)} on a connection of the caller's (tools such as the benchmark). */
    public static List<TreeTenant> subtree(Connection c, String path, OffsetDateTime asOf) throws SQLException {
        Map<UUID, String> names = namesAsOf(c, path, asOf);
        List<TreeTenant> tenants = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement("SELECT id, parent_id, kind, name FROM tenant WHERE path LIKE ?")) {
            s.setString(1, path + "%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    tenants.add(new TreeTenant(
                            id,
                            rs.getObject(2, UUID.class),
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

    /** The users of the tenant at {@code path} and of every tenant below it, by login. */
    public List<TreeUser> users(String path) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT u.id, u.tenant_id, u.login FROM app_user u"
                        + " JOIN tenant t ON t.id = u.tenant_id WHERE t.path LIKE ? ORDER BY u.login")) {
            s.setString(1, path + "%");
            List<TreeUser> users = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    users.add(new TreeUser(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)));
                }
            }
            return users;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the users under " + path + " failed", e);
        }
    }
}
