package io.usagereports.service.runs;

import io.usagereports.model.runs.RunStatus;
import io.usagereports.model.runs.StoredStatus;
import io.usagereports.service.persistence.Jdbc;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL of runs and stored reports, on a connection the caller owns. */
final class RunRepository {

    private RunRepository() {}

    static void insertRun(Connection c, RunRow run) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO report_run (" + RunRow.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, run.id());
            s.setObject(2, run.reportId());
            s.setString(3, run.trigger().wire());
            s.setString(4, run.scheduleKey());
            s.setObject(5, run.periodStart());
            s.setObject(6, run.periodEnd());
            s.setObject(7, Jdbc.utc(run.dueAt()));
            s.setString(8, run.status().wire());
            s.setInt(9, run.attempt());
            s.setObject(10, Jdbc.utc(run.createdAt()));
            s.setObject(11, Jdbc.utc(run.startedAt()));
            s.setObject(12, Jdbc.utc(run.finishedAt()));
            s.setString(13, run.failureCode());
            s.setString(14, run.failureMessage());
            s.executeUpdate();
        }
    }

    static void insertStored(Connection c, List<StoredReportRow> stored) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO stored_report (id, run_id, report_id,"
                + " report_format, position, status, created_at, size, content_attempt, file_name)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)")) {
            for (int i = 0; i < stored.size(); i++) {
                StoredReportRow r = stored.get(i);
                s.setObject(1, r.id());
                s.setObject(2, r.runId());
                s.setObject(3, r.reportId());
                s.setString(4, r.format().wire());
                s.setInt(5, i);
                s.setString(6, r.status().wire());
                s.setObject(7, Jdbc.utc(r.createdAt()));
                s.setString(8, r.fileName());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    static Optional<RunRow> run(Connection c, UUID runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + RunRow.COLUMNS + " FROM report_run WHERE id = ?")) {
            s.setObject(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(RunRow.read(rs)) : Optional.empty();
            }
        }
    }

    /** A report's runs, newest first. */
    static List<RunRow> runs(Connection c, UUID reportId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT " + RunRow.COLUMNS + " FROM report_run WHERE report_id = ? ORDER BY created_at DESC, id")) {
            s.setObject(1, reportId);
            List<RunRow> runs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    runs.add(RunRow.read(rs));
                }
            }
            return runs;
        }
    }

    /** A report's stored outputs, newest run first, formats in the order the report lists them. */
    static List<StoredReportRow> storedOfReport(Connection c, UUID reportId) throws SQLException {
        return stored(c, "report_id = ? ORDER BY created_at DESC, run_id, position", reportId);
    }

    static List<StoredReportRow> storedOfRun(Connection c, UUID runId) throws SQLException {
        return stored(c, "run_id = ? ORDER BY position", runId);
    }

    static Optional<StoredReportRow> stored(Connection c, UUID reportId, UUID storedId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT " + StoredReportRow.COLUMNS + " FROM stored_report WHERE id = ? AND report_id = ?")) {
            s.setObject(1, storedId);
            s.setObject(2, reportId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(StoredReportRow.read(rs)) : Optional.empty();
            }
        }
    }

    private static List<StoredReportRow> stored(Connection c, String condition, UUID id) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT " + StoredReportRow.COLUMNS + " FROM stored_report WHERE " + condition)) {
            s.setObject(1, id);
            List<StoredReportRow> stored = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.add(StoredReportRow.read(rs));
                }
            }
            return stored;
        }
    }

    /** Runs a worker may claim at {@code now}: due and queued, or running under an expired lease. */
    static List<RunClaims.Claimable> claimable(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT id, attempt FROM report_run WHERE (status = ? AND due_at <= ?)"
                        + " OR (status = ? AND lease_expires_at < ?) ORDER BY due_at")) {
            s.setMaxRows(limit);
            s.setString(1, RunStatus.QUEUED.wire());
            s.setObject(2, Jdbc.utc(now));
            s.setString(3, RunStatus.RUNNING.wire());
            s.setObject(4, Jdbc.utc(now));
            List<RunClaims.Claimable> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new RunClaims.Claimable(rs.getObject(1, UUID.class), rs.getInt(2)));
                }
            }
            return found;
        }
    }

    /**
     * Claims a run for one attempt: succeeds for exactly one caller, whatever the number of
     * workers, because the condition and the change are one statement.
     */
    static boolean claim(Connection c, UUID runId, int seenAttempt, String owner, Instant now, Instant leaseUntil)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE report_run SET status = ?, attempt = attempt + 1,"
                        + " claimed_by = ?, lease_expires_at = ?, started_at = COALESCE(started_at, ?)"
                        + " WHERE id = ? AND attempt = ? AND ((status = ? AND due_at <= ?) OR (status = ? AND lease_expires_at < ?))")) {
            s.setString(1, RunStatus.RUNNING.wire());
            s.setString(2, owner);
            s.setObject(3, Jdbc.utc(leaseUntil));
            s.setObject(4, Jdbc.utc(now));
            s.setObject(5, runId);
            s.setInt(6, seenAttempt);
            s.setString(7, RunStatus.QUEUED.wire());
            s.setObject(8, Jdbc.utc(now));
            s.setString(9, RunStatus.RUNNING.wire());
            s.setObject(10, Jdbc.utc(now));
            return s.executeUpdate() == 1;
        }
    }

    /** Extends the lease of the current attempt; false if the attempt lost its claim or the run is gone. */
    static boolean extendLease(Connection c, UUID runId, int attempt, Instant leaseUntil) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE report_run SET lease_expires_at = ?" + " WHERE id = ? AND attempt = ? AND status = ?")) {
            s.setObject(1, Jdbc.utc(leaseUntil));
            s.setObject(2, runId);
            s.setInt(3, attempt);
            s.setString(4, RunStatus.RUNNING.wire());
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Gives a running attempt's run back, due as it was, for any server to claim at once (its
     * server is stopping). The attempt number stays: the fencing token only grows, and the
     * released attempt can no longer renew, write or finish, as those need the run running.
     */
    static boolean release(Connection c, UUID runId, int attempt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE report_run SET status = ?, lease_expires_at = NULL,"
                + " claimed_by = NULL WHERE id = ? AND attempt = ? AND status = ?")) {
            s.setString(1, RunStatus.QUEUED.wire());
            s.setObject(2, runId);
            s.setInt(3, attempt);
            s.setString(4, RunStatus.RUNNING.wire());
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Whether {@code attempt} still holds the run, locking the run's row until the caller's
     * transaction ends: no claim or outcome of another attempt can come in between this and the
     * commit. The caller bounds its transaction ({@code Databases.boundIdle}) and sends nothing
     * large after this (see {@link AttemptFence}): another server's claim waits for the lock.
     */
    static boolean holdsRun(Connection c, UUID runId, int attempt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM report_run WHERE id = ? AND attempt = ?" + " AND status = ? FOR UPDATE")) {
            s.setObject(1, runId);
            s.setInt(2, attempt);
            s.setString(3, RunStatus.RUNNING.wire());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** How many attempts of the run failed so far (attempts handed back untried do not count). */
    static int failures(Connection c, UUID runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT failures FROM report_run WHERE id = ?")) {
            s.setObject(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /**
     * Ends the current attempt with a new run status, counting a failure if it has a failure code;
     * false if the attempt no longer holds the run.
     */
    static boolean endAttempt(
            Connection c,
            UUID runId,
            int attempt,
            RunStatus status,
            Instant dueAt,
            Instant finishedAt,
            String failureCode,
            String failureMessage)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE report_run SET status = ?, due_at = COALESCE(?, due_at),"
                + " lease_expires_at = NULL, claimed_by = NULL, finished_at = ?, failure_code = ?, failure_message = ?,"
                + " failures = failures + CASE WHEN CAST(? AS VARCHAR(64)) IS NULL THEN 0 ELSE 1 END"
                + " WHERE id = ? AND attempt = ? AND status = ?")) {
            s.setString(1, status.wire());
            s.setObject(2, Jdbc.utc(dueAt));
            s.setObject(3, Jdbc.utc(finishedAt));
            s.setString(4, failureCode);
            s.setString(5, failureMessage);
            s.setString(6, failureCode);
            s.setObject(7, runId);
            s.setInt(8, attempt);
            s.setString(9, RunStatus.RUNNING.wire());
            return s.executeUpdate() == 1;
        }
    }

    static void saveStored(Connection c, UUID storedId, OutputSize size, int attempt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE stored_report SET status = ?, size = ?,"
                + " content_size = ?, content_attempt = ? WHERE id = ?")) {
            s.setString(1, StoredStatus.SAVED.wire());
            s.setLong(2, size.compressed());
            s.setLong(3, size.content());
            s.setInt(4, attempt);
            s.setObject(5, storedId);
            s.executeUpdate();
        }
    }

    static void failStored(Connection c, UUID runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE stored_report SET status = ? WHERE run_id = ?")) {
            s.setString(1, StoredStatus.FAILED.wire());
            s.setObject(2, runId);
            s.executeUpdate();
        }
    }

    /** Deletes the chunks of every attempt of the run's outputs but {@code keep} (none if null). */
    static void deleteChunksExcept(Connection c, UUID runId, Integer keep) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM stored_report_chunk WHERE stored_id IN"
                + " (SELECT id FROM stored_report WHERE run_id = ?)" + (keep == null ? "" : " AND attempt <> ?"))) {
            s.setObject(1, runId);
            if (keep != null) {
                s.setInt(2, keep);
            }
            s.executeUpdate();
        }
    }

    static void insertChunk(Connection c, UUID storedId, int attempt, int seq, byte[] data, int length)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO stored_report_chunk (stored_id, attempt, seq, data)" + " VALUES (?, ?, ?, ?)")) {
            s.setObject(1, storedId);
            s.setInt(2, attempt);
            s.setInt(3, seq);
            // A stream, not setBytes: drivers copy a byte array (1 MiB, a humongous object for G1).
            s.setBinaryStream(4, new ByteArrayInputStream(data, 0, length), length);
            s.executeUpdate();
        }
    }

    /** One chunk of a stored output's content, or empty past the last. */
    static Optional<byte[]> chunk(Connection c, UUID storedId, int attempt, int seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT data FROM stored_report_chunk" + " WHERE stored_id = ? AND attempt = ? AND seq = ?")) {
            s.setObject(1, storedId);
            s.setInt(2, attempt);
            s.setInt(3, seq);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** The scheduled run of a report with this key exists already (created here or by another server). */
    static boolean scheduledRunExists(Connection c, UUID reportId, String scheduleKey) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT 1 FROM report_run WHERE report_id = ? AND schedule_key = ?")) {
            s.setObject(1, reportId);
            s.setString(2, scheduleKey);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
