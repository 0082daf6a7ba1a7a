package io.usagereports.service.runs;

import io.usagereports.service.runs.RunLedger.Claim;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps an attempt's claim on its run alive while the attempt works: renews the lease on a timer,
 * every third of its length, whatever the work is doing (planning, a slow first row, a long
 * write). Once a renewal finds the run taken over or gone, {@link #check} stops the work. A
 * renewal that fails for another reason (the database unreachable) is tried again at the next
 * tick: the lease may well still be valid, and every write of the attempt is fenced anyway.
 */
public final class LeaseKeeper implements LeaseCheck, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class.getName());

    private final RunLedger ledger;
    private final Claim claim;
    private final Clock clock;
    private final Duration lease;
    private final ScheduledFuture<?> timer;
    private volatile boolean lost;

    LeaseKeeper(RunLedger ledger, Claim claim, Clock clock, Duration lease, ScheduledExecutorService scheduler) {
        this.ledger = ledger;
        this.claim = claim;
        this.clock = clock;
        this.lease = lease;
        long every = Math.max(1000, lease.toMillis() / 3);
        this.timer = scheduler.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    private void renew() {
        if (lost) {
            return;
        }
        try {
            if (!ledger.extendLease(claim, clock.instant().plus(lease))) {
                lost = true;
                LOG.info(() -> "Run " + claim.runId() + " attempt " + claim.attempt() + " lost its claim");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Renewing the lease of run " + claim.runId() + " failed; retrying", e);
        }
    }

    @Override
    public void check() {
        if (lost) {
            throw new LostClaimException(claim.runId());
        }
    }

    @Override
    public void close() {
        timer.cancel(false);
    }
}
