package io.usagereports.service.runs;

import io.usagereports.model.common.ErrorCodes;
import io.usagereports.service.common.LeaseKeeper;
import io.usagereports.service.common.ServerInstance;
import io.usagereports.service.generation.LeaseCheck;
import io.usagereports.service.runs.RunClaims.Claim;
import io.usagereports.service.runs.RunClaims.Claimable;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Executes runs on this server: claims a run in the database, generates it, records the outcome.
 * At most {@code reports.worker.concurrency} runs execute at once here; a worker that finishes a
 * run claims the next due one at once, and a run that finds no free worker stays queued for the
 * next poll (of this server or another). While an attempt works, a {@link LeaseKeeper} renews its
 * claim on a timer.
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
    private final String owner = ServerInstance.NAME;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    /** Renews the leases of the attempts in progress. */
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    RunClaims ledger;

    @Inject
    RunPlanner planner;

    @Inject
    RunGenerator generator;

    @Inject
    Clock clock;

    @Inject
    RunMetrics metrics = RunMetrics.NONE;

    @Inject
    @ConfigProperty(name = "reports.worker.lease-seconds", defaultValue = "120")
    long leaseSeconds;

    private Semaphore permits;

    /** The attempts executing here, to hand back if the server stops. */
    private final Map<UUID, Claim> executing = new ConcurrentHashMap<>();

    private volatile boolean stopping;

    @Inject
    void setConcurrency(@ConfigProperty(name = "reports.worker.concurrency", defaultValue = "2") int concurrency) {
        permits = new Semaphore(Math.max(1, concurrency));
    }

    /** A run due now was committed here: start it without waiting for the next poll. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) RunQueued queued) {
        submit(new Claimable(queued.runId(), 0));
    }

    /** Workers free now; none once the server is stopping. */
    int available() {
        return stopping ? 0 : permits.availablePermits();
    }

    /**
     * The server is stopping (SIGTERM, {@code server stop}): takes no more runs and gives back
     * those executing here, so that another server claims them at its next poll instead of after
     * their lease. Their attempts stop at their next write or lease renewal.
     */
    @PreDestroy
    void handOver() {
        stopping = true;
        for (Claim claim : executing.values()) {
            try {
                if (ledger.release(claim)) {
                    LOG.info(() -> "Run " + claim.runId() + " handed over: this server is stopping");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Run " + claim.runId() + " could not be handed over; its lease runs out", e);
            }
        }
    }

    /**
     * Claims and executes the run in the background if a worker is free; false if none is. The
     * worker then goes on with the next due run, if any, without waiting for a poll.
     */
    boolean submit(Claimable run) {
        if (stopping || !permits.tryAcquire()) {
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    for (Optional<Claimable> next = Optional.of(run);
                            next.isPresent() && !stopping && claimAndExecute(next.get()); ) {
                        // Not once stopping: the ledger may already be gone with the application.
                        next = stopping ? Optional.empty() : nextDue();
                    }
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

    private Optional<Claimable> nextDue() {
        try {
            return ledger.claimable(clock.instant(), 1).stream().findFirst();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Looking for the next due run failed; the next poll retries", e);
            return Optional.empty();
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

    /** Executes an attempt this server has claimed, renewing its lease until it ends. */
    public void execute(Claim claim) {
        executing.put(claim.runId(), claim);
        try {
            attempt(claim);
        } finally {
            executing.remove(claim.runId());
        }
    }

    private void attempt(Claim claim) {
        Instant started = clock.instant();
        Duration leaseLength = Duration.ofSeconds(leaseSeconds);
        try (LeaseKeeper keeper = new LeaseKeeper(
                "Run " + claim.runId() + " attempt " + claim.attempt(),
                () -> ledger.extendLease(claim, clock.instant().plus(leaseLength)),
                leaseLength,
                scheduler)) {
            LeaseCheck lease = () -> {
                if (keeper.lost()) {
                    throw new LostClaimException(claim.runId());
                }
            };
            Optional<RunJob> job = planner.job(claim);
            if (job.isEmpty()) {
                LOG.fine(() -> "Run " + claim.runId() + " is gone: its report was deleted");
                return;
            }
            Map<UUID, OutputSize> sizes = generator.generate(claim, job.get(), lease);
            Instant saved = clock.instant();
            if (ledger.complete(claim, sizes, saved)) {
                metrics.outcome("saved");
                metrics.saved(job.get().kindName(), Duration.between(started, saved));
                LOG.fine(() -> "Run " + claim.runId() + " saved, attempt " + claim.attempt());
            } else {
                LOG.info(() -> "Run " + claim.runId() + " attempt " + claim.attempt() + " finished after losing its"
                        + " claim; its output was dropped");
            }
        } catch (LostClaimException e) {
            LOG.info(e.getMessage());
        } catch (Exception e) {
            if (stopping || Thread.currentThread().isInterrupted()) {
                // Not the report's failure: the server is stopping. Hand the run over rather than count it.
                handOverOne(claim);
            } else {
                failed(claim, e);
            }
        }
    }

    private void handOverOne(Claim claim) {
        try {
            ledger.release(claim);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Run " + claim.runId() + " could not be handed over; its lease runs out", e);
        }
    }

    private void failed(Claim claim, Exception cause) {
        Instant now = clock.instant();
        try {
            // Counted in failures, not in claims: a run a stopping server handed back was not tried.
            int failure = ledger.failuresSoFar(claim) + 1;
            String message = "Generating the report failed (attempt " + failure + " of " + MAX_ATTEMPTS + ")";
            if (failure < MAX_ATTEMPTS) {
                Duration backOff = Duration.ofMinutes((long) Math.pow(4, failure - 1));
                LOG.log(Level.WARNING, "Run " + claim.runId() + " failed; retrying in " + backOff, cause);
                if (ledger.retryLater(claim, now.plus(backOff), GENERATION_FAILED, message)) {
                    metrics.outcome("retried");
                }
            } else {
                LOG.log(Level.SEVERE, "Run " + claim.runId() + " failed for good", cause);
                if (ledger.fail(claim, now, GENERATION_FAILED, message)) {
                    metrics.outcome("failed");
                }
            }
        } catch (RuntimeException e) {
            // The lease expires and another attempt follows: nothing is lost.
            LOG.log(Level.WARNING, "Recording the failure of run " + claim.runId() + " failed", e);
        }
    }
}
