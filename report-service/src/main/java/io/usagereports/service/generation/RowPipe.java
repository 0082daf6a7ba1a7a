package io.usagereports.service.generation;

import io.usagereports.service.generation.format.FormatWriter;
import io.usagereports.service.generation.format.ReportRow;
import io.usagereports.service.generation.format.RowUsage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Hands finished rows from the thread aggregating the report to a second thread that formats,
 * compresses and stores them, so that aggregating and writing overlap. At most {@link #CAPACITY}
 * rows are in flight.
 */
final class RowPipe implements RowAggregator.RowSink, AutoCloseable {

    static final int CAPACITY = 64;

    private record Item(ReportRow row, List<RowUsage> usages) {}

    private final HandOff<Item> handOff;

    RowPipe(ExecutorService executor, List<FormatWriter> writers) throws HandOff.Stopped {
        handOff = new HandOff<>(executor, CAPACITY, item -> {
            for (FormatWriter writer : writers) {
                writer.row(item.row(), item.usages());
            }
        });
    }

    @Override
    public void row(ReportRow row, List<RowUsage> usages) throws IOException {
        handOff.put(new Item(row, usages));
    }

    /** Waits until every row is written; rethrows what failed the writing thread. */
    void finish() throws IOException {
        handOff.finish();
    }

    /** Stops the writing thread if the reader gave up (a failure, a lost claim). */
    @Override
    public void close() {
        handOff.close();
    }
}
