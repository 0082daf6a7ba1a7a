package io.usagereports.service.runs;

import io.usagereports.model.common.ErrorCodes;
import io.usagereports.service.runs.RunGenerator.LostClaimException;
import io.usagereports.service.runs.RunLedger.Claim;
import io.usagereports.service.runs.RunLedger.Claimable;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Executes runs on this server: claims a run in the database, generates it, records the outcome.
 * At most {@code reports.worker.concurrency} runs execute at once here; a run that finds no free
 * worker stays queued for the next poll (of this server or another).
 *
 * <p>A failed attempt is retried after a back-off (1, then 4 minutes) up to
 * {@link #MAX_ATTEMPTS} attempts; then the run fails with code {@code generation_failed}.
 */
@ApplicationScoped
public class RunWorker {

    static final int MAX_ATTEMPTS = 3;
    static final String GENERATION_FAILED = ErrorCodes.GENERATION_FAILED;

    private static final Logger LOG = Logger.getLogger(RunWorker.class.getName());

    /** Names this server instance in {@code claimed_by}, for operators reading the table. */
    private final String owner = hostName() + "/" + UUID.randomUUID();

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    RunLedger ledger;

    @Inject
    RunPlanner planner;

    @Inject
    RunGenerator generator;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "reports.worker.lease-seconds", defaultValue = "120")
    long leaseSeconds;

    private Semaphore permits;

    @Inject
    void setConcurrency(@ConfigProperty(name = "reports.worker.concurrency", defaultValue = "2") int concurrency) {
        permits = new Semaphore(Math.max(1, concurrency));
    }

    /** A run due now was committed here: start it without waiting for the next poll. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) RunQueued queued) {
        submit(new Claimable(queued.runId(), 0));
    }

    /** Workers free now. */
    int available() {
        return permits.availablePermits();
    }

    /** Claims and executes the run in the background if a worker is free; false if none is. */
    boolean submit(Claimable run) {
        if (!permits.tryAcquire()) {
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    claimAndExecute(run);
                } finally {
                    permits.release();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            permits.release();
            return false;
        }
    }

    /** Claims the run and, if this call won the claim, executes it. Returns whether it did. */
    boolean claimAndExecute(Claimable run) {
        try {
            Instant now = clock.instant();
            Optional<Claim> claim = ledger.claim(run, owner, now, now.plusSeconds(leaseSeconds));
            claim.ifPresent(this::execute);
            return claim.isPresent();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Run " + run.runId() + " could not be claimed; the next poll retries", e);
            return false;
        }
    }

    private void execute(Claim claim) {
        try {
            Optional<RunJob> job = planner.job(claim.runId());
            if (job.isEmpty()) {
                LOG.fine(() -> "Run " + claim.runId() + " is gone: its report was deleted");
                return;
            }
            Map<UUID, Long> sizes = generator.generate(claim, job.get());
            if (ledger.complete(claim, sizes, clock.instant())) {
                LOG.fine(() -> "Run " + claim.runId() + " saved, attempt " + claim.attempt());
            } else {
                LOG.info(() -> "Run " + claim.runId() + " attempt " + claim.attempt() + " finished after losing its"
                        + " claim; its output was dropped");
            }
        } catch (LostClaimException e) {
            LOG.info(e.getMessage());
        } catch (Exception e) {
            failed(claim, e);
        }
    }

    private void failed(Claim claim, Exception cause) {
        Instant now = clock.instant();
        String message = "Generating the report failed (attempt " + claim.attempt() + " of " + MAX_ATTEMPTS + ")";
        try {
            if (claim.attempt() < MAX_ATTEMPTS) {
                Duration backOff = Duration.ofMinutes((long) Math.pow(4, claim.attempt() - 1));
                LOG.log(Level.WARNING, "Run " + claim.runId() + " failed; retrying in " + backOff, cause);
                ledger.retryLater(claim, now.plus(backOff), GENERATION_FAILED, message);
            } else {
                LOG.log(Level.SEVERE, "Run " + claim.runId() + " failed for good", cause);
                ledger.fail(claim, now, GENERATION_FAILED, message);
            }
        } catch (RuntimeException e) {
            // The lease expires and another attempt follows: nothing is lost.
            LOG.log(Level.WARNING, "Recording the failure of run " + claim.runId() + " failed", e);
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }
}
