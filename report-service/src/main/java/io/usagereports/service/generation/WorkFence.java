package io.usagereports.service.generation;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Commits the writes of a piece of work only while the caller's claim on it is current. The
 * generation runs each of its writes through the fence, on its own connection (auto-commit off);
 * the fence proves the claim after the writes and before the commit, under a lock held to the
 * commit, so no other worker can take the work over in between. Throws an unchecked exception
 * of the caller's choice, having rolled the writes back, if the claim is gone.
 */
@FunctionalInterface
public interface WorkFence {

    /** Runs {@code writes} in a transaction of {@code connection} and commits it if the claim holds. */
    void commit(Connection connection, Writes writes) throws SQLException;

    /** Statements of one fenced transaction. */
    @FunctionalInterface
    interface Writes {
        void run() throws SQLException;
    }
}
