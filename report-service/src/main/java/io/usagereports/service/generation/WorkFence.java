package io.usagereports.service.generation;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Proves, inside a transaction of the generation's own connection and before anything is written
 * in it, that the work may still write: the caller's claim on it is current. Whatever the check
 * locks stays locked until that transaction commits, so no other worker can take the work over
 * between the proof and the write. Throws an unchecked exception of the caller's choice if not.
 */
@FunctionalInterface
public interface WorkFence {

    void holds(Connection connection) throws SQLException;
}
