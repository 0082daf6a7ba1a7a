package io.usagereports.service.generation;

import io.usagereports.service.persistence.Databases;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * Reads the readings of a report, as {@link ReadingWindows} selects them, for the rows of its work
 * table ({@code report_run_member}): by row; within a row tenant by tenant, nearest first; each
 * series of a tenant contiguous, oldest reading first. Each database gets the form it runs well.
 */
public sealed interface ReportReadings permits PostgresReportReadings, H2ReportReadings {

    /** Receives the readings in the order above. */
    @FunctionalInterface
    interface ReadingSink {
        void reading(
                int rowNo, UUID tenantId, String usageName, String edition, UUID userId, long epochDay, long amount)
                throws IOException;
    }

    /** Opens another connection to the same database. */
    @FunctionalInterface
    interface Connections {
        Connection open() throws SQLException;
    }

    /**
     * The reading for the database of {@code connection}; on H2 it reads on two threads, the second
     * one a thread of {@code executor} with a connection of {@code connections}.
     */
    static ReportReadings of(Connection connection, Connections connections, ExecutorService executor)
            throws SQLException {
        return Databases.isPostgres(connection)
                ? new PostgresReportReadings()
                : new H2ReportReadings(connections, executor);
    }

    /**
     * Streams the readings of the attempt's rows into {@code sink}. The connection must not be in
     * auto-commit mode: the settings PostgreSQL's reading makes last only until its transaction ends.
     */
    void read(Connection connection, UUID runId, int attempt, ReadingWindows windows, ReadingSink sink)
            throws SQLException, IOException;

    /**
     * Whether the readings are best aggregated on a thread apart from the one reading them
     * ({@link ReadingHandOff}) rather than on it ({@link AggregatorFeed.Direct}).
     */
    boolean aggregatesApart();
}
