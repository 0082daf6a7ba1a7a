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
import java.util.List;
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

    /**
     * {@link #subtree(String, OffsetDateTime)} on a connection of the caller's (tools such as the
     * benchmark). The database picks each name, by the key of {@code tenant_name}: the latest in
     * force before {@code asOf}, else the first (the tenant's own name if none is recorded), so only
     * one name per tenant is read, and no instant is decoded here.
     */
    public static List<TreeTenant> subtree(Connection c, String path, OffsetDateTime asOf) throws SQLException {
        List<TreeTenant> tenants = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT t.id, t.parent_id, t.kind, COALESCE("
                + "(SELECT n.name FROM tenant_name n WHERE n.tenant_id = t.id AND n.valid_from < ?"
                + " ORDER BY n.valid_from DESC LIMIT 1),"
                + " (SELECT n.name FROM tenant_name n WHERE n.tenant_id = t.id ORDER BY n.valid_from LIMIT 1),"
                + " t.name) FROM tenant t WHERE t.path LIKE ?")) {
            s.setObject(1, asOf);
            s.setString(2, path + "%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tenants.add(new TreeTenant(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            WireEnum.parse(TenantKind.class, rs.getString(3)).orElseThrow(),
                            rs.getString(4)));
                }
            }
        }
        return tenants;
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
