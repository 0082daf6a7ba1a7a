package io.usagereports.service.common;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a claim (on a run, on a delivery) alive while its work goes on: renews the lease on a
 * timer, every third of its length, whatever the work is doing (planning, a slow first row, a
 * long upload). Once a renewal finds the claim taken over or gone, {@link #lost} says so and the
 * work stops. A renewal that fails for another reason (the database unreachable) is tried again
 * at the next tick: the lease may well still be valid, and every write of the work is fenced by
 * its claim anyway.
 */
public final class LeaseKeeper implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class.getName());

    private final String claim;
    private final BooleanSupplier renew;
    private final ScheduledFuture<?> timer;
    private volatile boolean lost;

    /**
     * @param claim names the claim in log lines
     * @param renew extends the lease by its full length; false if the claim is no longer held
     */
    public LeaseKeeper(String claim, BooleanSupplier renew, Duration lease, ScheduledExecutorService scheduler) {
        this.claim = claim;
        this.renew = renew;
        long every = Math.max(1000, lease.toMillis() / 3);
        this.timer = scheduler.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    private void renew() {
        if (lost) {
            return;
        }
        try {
            if (!renew.getAsBoolean()) {
                lost = true;
                LOG.info(() -> claim + " lost its claim");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Renewing the lease of " + claim + " failed; retrying", e);
        }
    }

    /** Whether a renewal found the claim taken over or gone. */
    public boolean lost() {
        return lost;
    }

    @Override
    public void close() {
        timer.cancel(false);
    }
}
