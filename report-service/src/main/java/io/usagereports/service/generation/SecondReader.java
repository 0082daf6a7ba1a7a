package io.usagereports.service.generation;

import io.usagereports.service.generation.HandOff.Stopped;
import io.usagereports.service.generation.ReportReadings.ReadingSink;
import java.io.IOException;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A second thread that reads blocks of a report's readings ahead, for {@link H2ReportReadings}:
 * while the calling thread reads one block into the report, this one reads the next into a bounded
 * queue, and the calling thread replays it into the report when its turn comes. The report's
 * order is kept, and both cores read: embedded, the database does its work on the thread that
 * reads. Memory is bounded by the queue; a second reader that finds it full waits.
 *
 * <p>The second thread is never interrupted from here (an H2 session interrupted inside a file
 * read may close the database): told to stop, it stops at its next reading or block.
 */
final class SecondReader implements AutoCloseable {

    /** The second thread's work: its blocks, in order, each ended with {@link Output#endBlock}. */
    @FunctionalInterface
    interface Work {
        void read(Output output) throws SQLException, IOException;
    }

    private static final int BATCH_READINGS = 1024;

    /** Batches the queue holds: 64 Ki readings, a few MiB, more than a block of 32 tenants gives. */
    private static final int QUEUE_BATCHES = 64;

    private static final long WAIT_MILLIS = 200;

    private static final int STOP_WAIT_SECONDS = 30;

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
    private final Future<?> reading;
    private volatile boolean stopping;

    /**
     * Starts {@code work} on a thread of {@code executor}. An executor that refuses it is stopping
     * with the server: {@link Stopped}, with this thread marked interrupted, as in {@link HandOff}.
     */
    SecondReader(ExecutorService executor, Work work) throws Stopped {
        Output output = new Output();
        try {
            reading = executor.submit(() -> {
                work.read(output);
                return null;
            });
        } catch (RejectedExecutionException e) {
            throw HandOff.stopped(e);
        }
    }

    /**
     * Replays the second thread's next block into {@code sink}, waiting for its readings as they
     * come; rethrows what failed the second thread.
     */
    void replayBlock(ReadingSink sink) throws IOException, SQLException {
        while (true) {
            Batch batch = next();
            batch.replay(sink);
            if (batch.endsBlock) {
                return;
            }
        }
    }

    private Batch next() throws IOException, SQLException {
        try {
            Batch batch;
            while ((batch = queue.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS)) == null) {
                if (reading.isDone() && queue.isEmpty()) {
                    rethrowFailure();
                    throw new IllegalStateException("The second reader ended before its last block");
                }
            }
            return batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped("Interrupted while reading the report", e);
        }
    }

    private void rethrowFailure() throws IOException, SQLException {
        try {
            reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped("Interrupted while reading the report", e);
        } catch (CancellationException e) {
            throw HandOff.stopped(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException || cause instanceof Stopped) {
                throw HandOff.stopped(cause);
            }
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IOException("Reading the report failed", cause);
        }
    }

    /** Tells the second thread to stop and waits until it has, so that its connection is closed. */
    @Override
    public void close() {
        stopping = true;
        queue.clear();
        try {
            reading.get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            throw new IllegalStateException("The report's second reader did not stop", e);
        } catch (ExecutionException | CancellationException e) {
            // Its failure was rethrown by replayBlock, or nobody waits for it any more.
        }
    }

    /** What the second thread reads into. */
    final class Output implements ReadingSink {
        private Batch batch = new Batch();

        @Override
        public void reading(
                int rowNo, UUID tenantId, String usageName, String edition, UUID userId, long epochDay, long amount)
                throws IOException {
            batch.add(rowNo, tenantId, usageName, edition, userId, epochDay, amount);
            if (batch.size == BATCH_READINGS) {
                put(batch);
                batch = new Batch();
            }
        }

        /** Ends a block: the calling thread's replay of it returns after this. */
        void endBlock() throws IOException {
            batch.endsBlock = true;
            put(batch);
            batch = new Batch();
        }

        private void put(Batch full) throws IOException {
            try {
                do {
                    if (stopping) {
                        throw new Stopped("The report's reading stopped", null);
                    }
                } while (!queue.offer(full, WAIT_MILLIS, TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped("Interrupted while reading the report", e);
            }
        }
    }

    /** Readings in columns, as the sink takes them. */
    private static final class Batch {
        private final int[] rowNos = new int[BATCH_READINGS];
        private final UUID[] tenantIds = new UUID[BATCH_READINGS];
        private final String[] usageNames = new String[BATCH_READINGS];
        private final String[] editions = new String[BATCH_READINGS];
        private final UUID[] userIds = new UUID[BATCH_READINGS];
        private final long[] epochDays = new long[BATCH_READINGS];
        private final long[] amounts = new long[BATCH_READINGS];
        private int size;
        private boolean endsBlock;

        void add(int rowNo, UUID tenantId, String usageName, String edition, UUID userId, long epochDay, long amount) {
            rowNos[size] = rowNo;
            tenantIds[size] = tenantId;
            usageNames[size] = usageName;
            editions[size] = edition;
            userIds[size] = userId;
            epochDays[size] = epochDay;
            amounts[size] = amount;
            size++;
        }

        void replay(ReadingSink sink) throws IOException {
            for (int i = 0; i < size; i++) {
                sink.reading(rowNos[i], tenantIds[i], usageNames[i], editions[i], userIds[i], epochDays[i], amounts[i]);
            }
        }
    }
}
