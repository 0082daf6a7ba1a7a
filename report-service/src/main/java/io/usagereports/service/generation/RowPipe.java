package io.usagereports.service.generation;

import io.usagereports.service.generation.format.FormatWriter;
import io.usagereports.service.generation.format.ReportRow;
import io.usagereports.service.generation.format.RowUsage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Hands finished rows from the thread reading the report query to a second thread that formats,
 * compresses and stores them, so that reading and writing overlap. The queue is bounded: the
 * reader waits when the writers fall behind, and at most {@link #CAPACITY} rows are in flight.
 */
final class RowPipe implements RowAggregator.RowSink, AutoCloseable {

    static final int CAPACITY = 64;

    private record Item(ReportRow row, List<RowUsage> usages) {}

    private static final Item END = new Item(null, null);

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Future<?> writing;

    RowPipe(ExecutorService executor, List<FormatWriter> writers) {
        writing = executor.submit(() -> {
            for (Item item = queue.take(); item != END; item = queue.take()) {
                for (FormatWriter writer : writers) {
                    writer.row(item.row(), item.usages());
                }
            }
            return null;
        });
    }

    @Override
    public void row(ReportRow row, List<RowUsage> usages) throws IOException {
        put(new Item(row, usages));
    }

    /** Waits until every row is written; rethrows what failed the writing thread. */
    void finish() throws IOException {
        put(END);
        awaitWriting();
    }

    private void awaitWriting() throws IOException {
        try {
            writing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while writing the report", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked; // as the writing side threw it: a fence's or a lease check's refusal, say
            }
            throw e.getCause() instanceof IOException io
                    ? io
                    : new IOException("Writing the report failed", e.getCause());
        }
    }

    /** Stops the writing thread if the reader gave up (a failure, a lost claim). */
    @Override
    public void close() {
        writing.cancel(true);
    }

    /** Puts an item, failing fast if the writing thread died instead of waiting forever. */
    private void put(Item item) throws IOException {
        try {
            while (!queue.offer(item, 1, TimeUnit.SECONDS)) {
                if (writing.isDone()) {
                    awaitWriting();
                    throw new IOException("The writing thread stopped early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading the report", e);
        }
    }
}
