package io.usagereports.service.runs;

import io.usagereports.model.runs.RunStatus;
import io.usagereports.service.generation.WorkFence;
import io.usagereports.service.persistence.Databases;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The workers' side of runs: claims, leases and outcomes, each its own short database
 * transaction (claims and leases outside JTA, outcomes in a JTA transaction of their own; a
 * generation itself may outlast any transaction timeout). Every change made
 * on behalf of an attempt is conditional on that attempt still holding the run, so a worker
 * that lost its claim (its lease expired and another worker took over) changes nothing. The
 * transaction that ends an attempt also removes the chunks earlier, dead attempts left behind
 * (their work-table rows are dropped by the next attempt as it starts).
 */
@ApplicationScoped
public class RunClaims {

    @Resource(lookup = "jdbc/reportsNonTx")
    DataSource dataSource;

    /** The ends of attempts: JTA transactions, so that observers of {@link RunSaved} write in them too. */
    @Resource(lookup = "jdbc/reports")
    DataSource transactional;

    @Inject
    Event<RunSaved> saved;

    /** A run a worker may claim, as last seen: a claim succeeds only if nobody claimed it since. */
    public record Claimable(UUID runId, int attempt) {}

    /** A claimed attempt of a run: the fencing token of everything its worker writes. */
    public record Claim(UUID runId, int attempt) {}

    /** The fence of the attempt's writes: they commit only while the attempt holds the run. */
    public WorkFence fence(Claim claim) {
        return new AttemptFence(claim);
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    List<Claimable> claimable(Instant now, int limit) {
        try (Connection c = connection()) {
            return RunRepository.claimable(c, now, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("Finding due runs failed", e);
        }
    }

    /** Claims the run for its next attempt, or empty if another worker claimed it first or it is not due. */
    public Optional<Claim> claim(Claimable run, String owner, Instant now, Instant leaseUntil) {
        try (Connection c = connection()) {
            return RunRepository.claim(c, run.runId(), run.attempt(), owner, now, leaseUntil)
                    ? Optional.of(new Claim(run.runId(), run.attempt() + 1))
                    : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming run " + run.runId() + " failed", e);
        }
    }

    /** Gives the run back untried to be claimed at once by any server; false if the attempt no longer held it. */
    boolean release(Claim claim) {
        try (Connection c = connection()) {
            return RunRepository.release(c, claim.runId(), claim.attempt());
        } catch (SQLException e) {
            throw new IllegalStateException("Releasing run " + claim.runId() + " failed", e);
        }
    }

    /** How many attempts of the claimed run failed before this one (hand-overs do not count). */
    int failuresSoFar(Claim claim) {
        try (Connection c = connection()) {
            return RunRepository.failures(c, claim.runId());
        } catch (SQLException e) {
            throw new IllegalStateException("Reading run " + claim.runId() + " failed", e);
        }
    }

    boolean extendLease(Claim claim, Instant leaseUntil) {
        try (Connection c = connection()) {
            return RunRepository.extendLease(c, claim.runId(), claim.attempt(), leaseUntil);
        } catch (SQLException e) {
            throw new IllegalStateException("Extending the lease of run " + claim.runId() + " failed", e);
        }
    }

    /**
     * Makes the attempt's outputs the run's outputs, atomically: the stored reports become saved
     * with their sizes, chunks of earlier attempts go, the run is saved and {@link RunSaved} is
     * fired in the same transaction (a {@code send} report's deliveries are created there). False,
     * changing nothing, if the attempt no longer holds the run.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean complete(Claim claim, Map<UUID, OutputSize> sizes, Instant now) {
        return inTransaction(c -> {
            if (!RunRepository.endAttempt(c, claim.runId(), claim.attempt(), RunStatus.SAVED, null, now, null, null)) {
                return false;
            }
            for (Map.Entry<UUID, OutputSize> e : sizes.entrySet()) {
                RunRepository.saveStored(c, e.getKey(), e.getValue(), claim.attempt());
            }
            RunRepository.deleteChunksExcept(c, claim.runId(), claim.attempt());
            Optional<RunRow> run = RunRepository.run(c, claim.runId());
            run.ifPresent(r -> saved.fire(new RunSaved(r.id(), r.reportId(), now)));
            return true;
        });
    }

    /** Gives the run back to be tried again at {@code retryAt}, dropping the attempt's chunks. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean retryLater(Claim claim, Instant retryAt, String code, String message) {
        return inTransaction(c -> {
            if (!RunRepository.endAttempt(
                    c, claim.runId(), claim.attempt(), RunStatus.QUEUED, retryAt, null, code, message)) {
                return false;
            }
            RunRepository.deleteChunksExcept(c, claim.runId(), null);
            return true;
        });
    }

    /** Ends the run as failed for good; its stored reports fail with it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean fail(Claim claim, Instant now, String code, String message) {
        return inTransaction(c -> {
            if (!RunRepository.endAttempt(
                    c, claim.runId(), claim.attempt(), RunStatus.FAILED, null, now, code, message)) {
                return false;
            }
            RunRepository.failStored(c, claim.runId());
            RunRepository.deleteChunksExcept(c, claim.runId(), null);
            return true;
        });
    }

    @FunctionalInterface
    private interface Work {
        boolean run(Connection c) throws SQLException;
    }

    /** Runs {@code work} on a connection of the caller's JTA transaction, which commits or rolls back as a whole. */
    private boolean inTransaction(Work work) {
        try (Connection c = transactional.getConnection()) {
            Databases.boundIdle(c); // the first statement locks the run's row, held to the commit
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Recording the outcome of a run failed", e);
        }
    }
}
