package io.usagereports.service.generation;

import io.usagereports.service.generation.ReportReadings.ReadingSink;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Reads the readings of one tenant of a report's work table after another on H2, as
 * {@link H2ReportReadings} walks them, with statements prepared once per connection.
 */
sealed interface H2TenantReader extends AutoCloseable permits ReadingTenants, SeekingTenants {

    /** A row of the work table: readings of {@code tenantId} (only {@code userId}'s, unless all) count in row {@code rowNo}. */
    record Member(int rowNo, UUID tenantId, UUID userId) {
        boolean reads(UUID user) {
            return userId.equals(RowPlan.ALL_USERS) || userId.equals(user);
        }
    }

    /** Seeking reports look up only the amounts they keep; reports with a range read every reading's. */
    static H2TenantReader open(Connection connection, ReadingWindows windows) throws SQLException {
        return windows.hasRange() ? new ReadingTenants(connection, windows) : new SeekingTenants(connection, windows);
    }

    /** Hands on the member's series, each whole, in the key's order. */
    void read(Member member, ReadingSink sink) throws SQLException, IOException;

    @Override
    void close() throws SQLException;
}
