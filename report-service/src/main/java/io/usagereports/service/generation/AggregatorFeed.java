package io.usagereports.service.generation;

import io.usagereports.service.generation.ReportReadings.ReadingSink;
import java.io.IOException;
import java.util.UUID;

/**
 * Where {@link GenerationQueries#stream} puts what it reads, in order: the aggregator itself, on
 * the reading thread ({@link Direct}), or a hand-off to a thread of its own ({@link ReadingHandOff}).
 * Which one is the database's choice ({@link ReportReadings#aggregatesApart}).
 */
sealed interface AggregatorFeed extends ReadingSink, AutoCloseable permits AggregatorFeed.Direct, ReadingHandOff {

    /** See {@link RowAggregator#offeringItem}. */
    void offeringItem(int rowNo, int depth, UUID tenantId, String usageName, String edition, String unit, String sku)
            throws IOException;

    /** Waits until the aggregator has taken everything; rethrows what failed it. */
    void finish() throws IOException;

    /** Stops aggregating if {@link #finish} was not reached, and waits until it has stopped. */
    @Override
    void close();

    /** The aggregator, called on the reading thread. */
    record Direct(RowAggregator aggregator) implements AggregatorFeed {

        @Override
        public void reading(
                int rowNo, UUID tenantId, String usageName, String edition, UUID userId, long epochDay, long amount)
                throws IOException {
            aggregator.reading(rowNo, tenantId, usageName, edition, userId, epochDay, amount);
        }

        @Override
        public void offeringItem(
                int rowNo, int depth, UUID tenantId, String usageName, String edition, String unit, String sku)
                throws IOException {
            aggregator.offeringItem(rowNo, depth, tenantId, usageName, edition, unit, sku);
        }

        @Override
        public void finish() {
            // Nothing is in flight: each reading was aggregated when it was read.
        }

        @Override
        public void close() {
            // No thread to stop.
        }
    }
}
