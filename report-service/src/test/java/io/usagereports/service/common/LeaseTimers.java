package io.usagereports.service.common;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler a worker's {@link LeaseKeeper} starts its renewal timer on, for tests: a timer
 * never fires on its own, only when the test {@linkplain Timer#tick ticks} it.
 */
public final class LeaseTimers {

    /** The timers started, in order. */
    public final List<Timer> started = new ArrayList<>();

    /** The scheduler: it knows {@code scheduleAtFixedRate}, all a lease keeper asks of it. */
    public ManagedScheduledExecutorService service() {
        return (ManagedScheduledExecutorService) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ManagedScheduledExecutorService.class},
                (proxy, method, args) -> schedule(method, args));
    }

    private Object schedule(Method method, Object[] args) {
        if (!method.getName().equals("scheduleAtFixedRate")) {
            throw new UnsupportedOperationException(method.getName());
        }
        Timer timer = new Timer((Runnable) args[0]);
        started.add(timer);
        return timer;
    }

    /** One renewal timer: renews when ticked, until cancelled. */
    public static final class Timer implements ScheduledFuture<Void> {
        private final Runnable renewal;
        private boolean cancelled;

        Timer(Runnable renewal) {
            this.renewal = renewal;
        }

        /** The timer fires once (unless cancelled). */
        public void tick() {
            if (!cancelled) {
                renewal.run();
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled;
        }

        @Override
        public Void get() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Void get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return 0;
        }
    }
}
