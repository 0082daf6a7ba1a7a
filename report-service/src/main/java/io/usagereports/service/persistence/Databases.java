package io.usagereports.service.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** What the few dialect-specific statements need to know about the database behind a connection. */
public final class Databases {

    private Databases() {}

    /** PostgreSQL, or else the embedded H2. */
    public static boolean isPostgres(Connection connection) throws SQLException {
        return connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres");
    }
}
