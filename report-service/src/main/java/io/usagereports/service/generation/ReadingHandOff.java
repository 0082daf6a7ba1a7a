package io.usagereports.service.generation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * Hands a report's readings, and the offering items read alongside, from the thread reading them
 * from the database to a second thread that aggregates them, in batches and in order. For H2, whose
 * reading is the database's own work on the reading thread: on one thread, aggregating in between
 * added its whole time to the report's (measured on the benchmark's summary: 1.1 s on top of a
 * 2.4 s query).
 * At most {@link #BATCHES_IN_FLIGHT} batches of {@link #BATCH} events are held.
 */
final class ReadingHandOff implements AggregatorFeed {

    static final int BATCH = 2048;
    static final int BATCHES_IN_FLIGHT = 4;

    private sealed interface Event permits Reading, OfferingItem {}

    private record Reading(
            int rowNo, UUID tenantId, String usageName, String edition, UUID userId, long epochDay, long amount)
            implements Event {}

    private record OfferingItem(
            int rowNo, int depth, UUID tenantId, String usageName, String edition, String unit, String sku)
            implements Event {}

    private final HandOff<List<Event>> handOff;
    private List<Event> batch = new ArrayList<>(BATCH);

    ReadingHandOff(ExecutorService executor, RowAggregator aggregator) throws HandOff.Stopped {
        handOff = new HandOff<>(executor, BATCHES_IN_FLIGHT, events -> {
            for (Event event : events) {
                if (event instanceof Reading r) {
                    aggregator.reading(
                            r.rowNo(), r.tenantId(), r.usageName(), r.edition(), r.userId(), r.epochDay(), r.amount());
                } else if (event instanceof OfferingItem o) {
                    aggregator.offeringItem(
                            o.rowNo(), o.depth(), o.tenantId(), o.usageName(), o.edition(), o.unit(), o.sku());
                }
            }
        });
    }

    @Override
    public void reading(
            int rowNo, UUID tenantId, String usageName, String edition, UUID userId, long epochDay, long amount)
            throws IOException {
        add(new Reading(rowNo, tenantId, usageName, edition, userId, epochDay, amount));
    }

    @Override
    public void offeringItem(
            int rowNo, int depth, UUID tenantId, String usageName, String edition, String unit, String sku)
            throws IOException {
        add(new OfferingItem(rowNo, depth, tenantId, usageName, edition, unit, sku));
    }

    @Override
    public void finish() throws IOException {
        if (!batch.isEmpty()) {
            handOff.put(batch);
            batch = new ArrayList<>(0);
        }
        handOff.finish();
    }

    @Override
    public void close() {
        handOff.close();
    }

    private void add(Event event) throws IOException {
        batch.add(event);
        if (batch.size() == BATCH) {
            handOff.put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }
}
