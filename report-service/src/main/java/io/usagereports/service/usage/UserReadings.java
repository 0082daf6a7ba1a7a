package io.usagereports.service.usage;

import io.usagereports.service.directory.TreeUser;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Usage's read model of users: which users have readings of their own (rows of an {@code accounts} report). */
@ApplicationScoped
public class UserReadings {

    /**
     * One seek per registered series of the user: a user has few series, and the seek stops at
     * the first reading before the bound, whatever the history.
     */
    private static final String HAS_READING_BEFORE = "SELECT 1 FROM usage_series s WHERE s.tenant_id = ?"
            + " AND s.user_id = ? AND EXISTS (SELECT 1 FROM usage_reading r WHERE r.tenant_id = s.tenant_id"
            + " AND r.usage_name = s.usage_name AND r.edition = s.edition AND r.user_id = s.user_id"
            + " AND r.measured_at < ?)";

    @Resource(lookup = "jdbc/reportsNonTx")
    DataSource dataSource;

    /** Those of {@code users} with a reading of their own before {@code end}, in the order given. */
    public List<TreeUser> withReadingsBefore(List<TreeUser> users, OffsetDateTime end) {
        List<TreeUser> found = new ArrayList<>();
        if (users.isEmpty()) {
            return found;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(HAS_READING_BEFORE)) {
            s.setMaxRows(1);
            for (TreeUser user : users) {
                s.setObject(1, user.tenantId());
                s.setObject(2, user.id());
                s.setObject(3, end);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        found.add(user);
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading which users have readings failed", e);
        }
    }
}
