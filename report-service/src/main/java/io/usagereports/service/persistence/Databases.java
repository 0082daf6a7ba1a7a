package io.usagereports.service.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/** What the few dialect-specific statements need to know about the database behind a connection. */
public final class Databases {

    /**
     * How long a bounded transaction may wait for its next statement: a healthy one waits for a
     * round trip or a collection pause, milliseconds. Shorter than any sensible lease, so a frozen
     * server's transaction has ended by the time another server may take its work over.
     */
    public static final Duration IDLE_BOUND = Duration.ofSeconds(10);

    private Databases() {}

    /** PostgreSQL, or else the embedded H2. */
    public static boolean isPostgres(Connection connection) throws SQLException {
        return connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres");
    }

    /**
     * Bounds the caller's transaction (which must have begun: auto-commit off): on PostgreSQL, if
     * it waits longer than {@link #IDLE_BOUND} for its next statement, the database ends its
     * session, and with it the transaction and every lock it holds. For background work whose
     * locks another server may wait for: a server frozen between two statements (a stopped
     * process, a long pause) must not hold them until it wakes. Nothing to do on H2, embedded in
     * the one server that uses it.
     *
     * <p>The bound cannot reach a server frozen in the middle of sending a statement (PostgreSQL
     * waits for the rest of a message without a timeout), so a transaction must not send a large
     * statement while it holds what another server waits for.
     */
    public static void boundIdle(Connection connection) throws SQLException {
        if (isPostgres(connection)) {
            try (PreparedStatement s =
                    connection.prepareStatement("SELECT set_config('idle_in_transaction_session_timeout', ?, true)")) {
                s.setString(1, Long.toString(IDLE_BOUND.toMillis()));
                s.execute();
            }
        }
    }
}
