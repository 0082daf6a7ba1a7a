package it.io.usagereports.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** The generation's work table ({@code report_run_member}) as in-server tests look into it. */
final class WorkTable {

    private WorkTable() {}

    /** The rows staged for a run, by any attempt. */
    static long rows(DataSource dataSource, UUID runId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM report_run_member WHERE run_id = ?")) {
            s.setObject(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
