package io.usagereports.service.delivery;

import io.usagereports.model.runs.DeliveryStatus;
import io.usagereports.model.runs.DeliveryTransport;
import io.usagereports.service.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Every statement on {@code report_delivery}. New deliveries are written in the caller's JTA
 * transaction (the one that saves their run, or the resend's); claims, leases and outcomes are
 * short statements of their own, each conditional on the attempt that makes it: only the
 * attempt holding a delivery may renew it or record how it went, so a worker that lost its
 * claim changes nothing.
 */
@ApplicationScoped
public class DeliveryRepository {

    /** A delivery a worker may claim, as last seen: the claim succeeds only if nobody claimed it since. */
    public record Claimable(UUID id, int attempt) {}

    /** A claimed attempt of a delivery: the fencing token of what its worker records. */
    public record Claim(UUID id, int attempt) {}

    /** Connections of the caller's JTA transaction. */
    @Resource(lookup = "jdbc/reports")
    DataSource transactional;

    /** Connections of their own, outside JTA: each statement commits by itself. */
    @Resource(lookup = "jdbc/reportsNonTx")
    DataSource autonomous;

    private static final String PENDING = DeliveryStatus.PENDING.wire();

    /** Writes new deliveries in the caller's transaction. */
    void insert(List<DeliveryRow> deliveries) {
        try (Connection c = transactional.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO report_delivery (id, run_id, report_id,"
                        + " recipient, position, message_id, status, attempt, due_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
            for (DeliveryRow d : deliveries) {
                s.setObject(1, d.id());
                s.setObject(2, d.runId());
                s.setObject(3, d.reportId());
                s.setObject(4, d.recipient());
                s.setInt(5, d.position());
                s.setString(6, d.messageId());
                s.setString(7, d.status().wire());
                s.setObject(8, Jdbc.utc(d.dueAt()));
                s.setObject(9, Jdbc.utc(d.createdAt()));
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Creating deliveries failed", e);
        }
    }

    /** The position after the last of the run's deliveries: where resent ones are listed. */
    int nextPosition(UUID runId) {
        try (Connection c = transactional.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT MAX(position) FROM report_delivery WHERE run_id = ?")) {
            s.setObject(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                int max = rs.getInt(1);
                return rs.wasNull() ? 0 : max + 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading deliveries failed", e);
        }
    }

    /** Every delivery of a report's runs, each run's in its order. */
    List<DeliveryRow> ofReport(UUID reportId) {
        return select("report_id = ? ORDER BY run_id, position", reportId);
    }

    Optional<DeliveryRow> find(UUID id) {
        return select("id = ?", id).stream().findFirst();
    }

    private List<DeliveryRow> select(String condition, UUID id) {
        try (Connection c = autonomous.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT " + DeliveryRow.COLUMNS + " FROM report_delivery WHERE " + condition)) {
            s.setObject(1, id);
            List<DeliveryRow> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(DeliveryRow.read(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading deliveries failed", e);
        }
    }

    /** Deliveries a worker may claim at {@code now}: pending, due, and not held under a live lease. */
    List<Claimable> claimable(Instant now, int limit) {
        try (Connection c = autonomous.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id, attempt FROM report_delivery WHERE status = ?"
                        + " AND due_at <= ? AND (lease_expires_at IS NULL OR lease_expires_at < ?) ORDER BY due_at")) {
            s.setMaxRows(limit);
            s.setString(1, PENDING);
            s.setObject(2, Jdbc.utc(now));
            s.setObject(3, Jdbc.utc(now));
            List<Claimable> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new Claimable(rs.getObject(1, UUID.class), rs.getInt(2)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Finding due deliveries failed", e);
        }
    }

    /**
     * Claims the delivery for its next attempt: succeeds for exactly one caller however many try,
     * because the condition and the change are one statement. Empty if someone else was first.
     */
    public Optional<Claim> claim(Claimable delivery, String owner, Instant now, Instant leaseUntil) {
        int changed = update(
                "UPDATE report_delivery SET attempt = attempt + 1, claimed_by = ?, lease_expires_at = ?,"
                        + " last_attempt_at = ? WHERE id = ? AND attempt = ? AND status = ? AND due_at <= ?"
                        + " AND (lease_expires_at IS NULL OR lease_expires_at < ?)",
                s -> {
                    s.setString(1, owner);
                    s.setObject(2, Jdbc.utc(leaseUntil));
                    s.setObject(3, Jdbc.utc(now));
                    s.setObject(4, delivery.id());
                    s.setInt(5, delivery.attempt());
                    s.setString(6, PENDING);
                    s.setObject(7, Jdbc.utc(now));
                    s.setObject(8, Jdbc.utc(now));
                });
        return changed == 1 ? Optional.of(new Claim(delivery.id(), delivery.attempt() + 1)) : Optional.empty();
    }

    /** How many attempts of the delivery failed so far (attempts handed back untried do not count). */
    int failuresSoFar(Claim claim) {
        try (Connection c = autonomous.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT failures FROM report_delivery WHERE id = ?")) {
            s.setObject(1, claim.id());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading delivery " + claim.id() + " failed", e);
        }
    }

    /** Renews the attempt's lease; false if the attempt no longer holds the delivery (or gave it back). */
    boolean extendLease(Claim claim, Instant leaseUntil) {
        return update(
                        "UPDATE report_delivery SET lease_expires_at = ? WHERE id = ? AND attempt = ? AND status = ?"
                                + " AND lease_expires_at IS NOT NULL",
                        s -> {
                            s.setObject(1, Jdbc.utc(leaseUntil));
                            s.setObject(2, claim.id());
                            s.setInt(3, claim.attempt());
                            s.setString(4, PENDING);
                        })
                == 1;
    }

    /** Records that the mail server accepted the message (or the outbox has it). */
    boolean delivered(Claim claim, String email, DeliveryTransport transport, Instant at) {
        return end(claim, DeliveryStatus.DELIVERED, at, email, transport, at, null, null);
    }

    /** Records a transient failure: the delivery waits until {@code retryAt}, then is tried again. */
    boolean retryLater(Claim claim, String email, DeliveryTransport transport, Instant retryAt, SendFailure failure) {
        return end(claim, DeliveryStatus.PENDING, retryAt, email, transport, null, failure.code(), failure.message());
    }

    /** Records that the delivery failed for good. */
    boolean failed(Claim claim, String email, DeliveryTransport transport, Instant at, SendFailure failure) {
        return end(claim, DeliveryStatus.FAILED, at, email, transport, null, failure.code(), failure.message());
    }

    /**
     * Gives the delivery back untried (its server is stopping): it is due again at once for
     * any other server. Its attempt number stays, as the fencing token must only grow.
     */
    boolean release(Claim claim) {
        return update(
                        "UPDATE report_delivery SET lease_expires_at = NULL, claimed_by = NULL WHERE id = ?"
                                + " AND attempt = ? AND status = ?",
                        s -> {
                            s.setObject(1, claim.id());
                            s.setInt(2, claim.attempt());
                            s.setString(3, PENDING);
                        })
                == 1;
    }

    private boolean end(
            Claim claim,
            DeliveryStatus status,
            Instant dueAt,
            String email,
            DeliveryTransport transport,
            Instant deliveredAt,
            String failureCode,
            String failureMessage) {
        return update(
                        "UPDATE report_delivery SET status = ?, due_at = ?, email = COALESCE(?, email),"
                                + " transport = COALESCE(?, transport), delivered_at = ?, failure_code = ?, failure_message = ?,"
                                + " failures = failures + CASE WHEN CAST(? AS VARCHAR(64)) IS NULL THEN 0 ELSE 1 END,"
                                + " lease_expires_at = NULL, claimed_by = NULL WHERE id = ? AND attempt = ? AND status = ?",
                        s -> {
                            s.setString(1, status.wire());
                            s.setObject(2, Jdbc.utc(dueAt));
                            s.setString(3, email);
                            s.setString(4, transport == null ? null : transport.wire());
                            s.setObject(5, Jdbc.utc(deliveredAt));
                            s.setString(6, failureCode);
                            s.setString(7, failureMessage);
                            s.setString(8, failureCode);
                            s.setObject(9, claim.id());
                            s.setInt(10, claim.attempt());
                            s.setString(11, PENDING);
                        })
                == 1;
    }

    @FunctionalInterface
    private interface Parameters {
        void set(PreparedStatement s) throws SQLException;
    }

    private int update(String sql, Parameters parameters) {
        try (Connection c = autonomous.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            parameters.set(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Recording a delivery failed", e);
        }
    }
}
