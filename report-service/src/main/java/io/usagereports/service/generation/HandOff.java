package io.usagereports.service.generation;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Hands items from the calling thread to a second thread that consumes them in order, so that
 * producing and consuming overlap. The queue is bounded: the producer waits when the consumer
 * falls behind. What fails the consumer is rethrown to the producer, at its next put or at
 * {@link #finish}, as the consumer threw it if unchecked (a fence's or a lease check's refusal).
 * Used by each stage of a generation, and by {@code runs} to store an output's chunks.
 */
public final class HandOff<T> implements AutoCloseable {

    /** Consumes one item on the second thread. */
    @FunctionalInterface
    public interface Consumer<T> {
        void accept(T item) throws IOException;
    }

    private static final Object END = new Object();

    private static final int STOP_WAIT_SECONDS = 30;

    private final BlockingQueue<Object> queue;
    private final Future<?> consuming;

    /** Counted down when the consumer has started and stopped: after that, it touches nothing. */
    private final CountDownLatch running = new CountDownLatch(1);

    private volatile boolean started;

    /**
     * Starts the consumer on a thread of {@code executor}. An executor that refuses the task is
     * shutting down with the server: that is {@link Stopped}, like a consumer stopped later.
     */
    public HandOff(ExecutorService executor, int capacity, Consumer<T> consumer) throws Stopped {
        queue = new ArrayBlockingQueue<>(capacity);
        try {
            consuming = executor.submit(() -> {
                started = true;
                try {
                    for (Object item = queue.take(); item != END; item = queue.take()) {
                        @SuppressWarnings("unchecked") // only put(T) adds anything but END
                        T t = (T) item;
                        consumer.accept(t);
                    }
                    return null;
                } finally {
                    running.countDown();
                }
            });
        } catch (RejectedExecutionException e) {
            throw stopped(e);
        }
    }

    public void put(T item) throws IOException {
        offer(item);
    }

    /** Waits until every item is consumed; rethrows what failed the consumer. */
    public void finish() throws IOException {
        offer(END);
        awaitConsumer();
    }

    /**
     * Stops the consumer if the producer gave up (a failure, a lost claim), and waits until it has
     * stopped, so that the caller may then close what it consumed into.
     */
    @Override
    public void close() {
        consuming.cancel(true);
        if (started) {
            try {
                if (!running.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The report's second thread did not stop");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Fails fast if the consumer died instead of waiting forever. */
    private void offer(Object item) throws IOException {
        try {
            while (!queue.offer(item, 1, TimeUnit.SECONDS)) {
                if (consuming.isDone()) {
                    awaitConsumer();
                    throw new IOException("The report's second thread stopped early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped("Interrupted while generating the report", e);
        }
    }

    private void awaitConsumer() throws IOException {
        try {
            consuming.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped("Interrupted while generating the report", e);
        } catch (CancellationException e) {
            // Only the server cancels a consumer that close() did not: its executor is stopping.
            throw stopped(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedException || e.getCause() instanceof Stopped) {
                throw stopped(e.getCause());
            }
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw e.getCause() instanceof IOException io
                    ? io
                    : new IOException("Generating the report failed", e.getCause());
        }
    }

    /**
     * The consumer was stopped from outside (interrupted, cancelled or refused by its stopping
     * executor): not the report's failure. The producer's thread is marked interrupted, as its own would be,
     * so that the caller hands the work over instead of counting a failure.
     */
    static Stopped stopped(Throwable cause) {
        Thread.currentThread().interrupt();
        return new Stopped("A thread of the report was stopped: the server is stopping", cause);
    }

    /** Generation stopped because a thread of it was stopped from outside (the server is stopping). */
    public static final class Stopped extends IOException {
        private static final long serialVersionUID = 1L;

        Stopped(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
