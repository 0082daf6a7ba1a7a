package io.usagereports.service.runs;

import io.usagereports.service.generation.WorkFence;
import io.usagereports.service.persistence.Databases;
import io.usagereports.service.runs.RunClaims.Claim;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The fence of an attempt's writes (its chunks, its work-table rows): each transaction commits
 * only if the attempt still holds the run, proven under a lock on the run's row.
 *
 * <p>The proof comes last, after the writes and just before the commit, so the run's row is
 * locked for an instant and never while a write sends its data (a chunk is a megabyte, staging a
 * {@code COPY}): another server claiming the run must lock that row, and PostgreSQL cannot time
 * out a session frozen in the middle of a statement. Writes before the proof add rows of this
 * attempt only, which nobody else waits for; if the claim is gone, they roll back. The whole
 * transaction is bounded ({@link Databases#boundIdle}), so a server frozen between the proof and
 * the commit loses its session before another server may claim the run.
 */
final class AttemptFence implements WorkFence {

    private final Claim claim;

    AttemptFence(Claim claim) {
        this.claim = claim;
    }

    @Override
    public void commit(Connection c, Writes writes) throws SQLException {
        try {
            Databases.boundIdle(c);
            writes.run();
            if (!RunRepository.holdsRun(c, claim.runId(), claim.attempt())) {
                throw new LostClaimException(claim.runId());
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback); // the session may be gone (ended by the bound): the cause comes first
            }
            throw e;
        }
    }
}
