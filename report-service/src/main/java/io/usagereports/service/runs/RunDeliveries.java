package io.usagereports.service.runs;

import io.usagereports.model.runs.Delivery;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The deliveries of a report's runs, for its run history. Runs defines what it needs and the
 * delivery feature provides it, so that runs does not depend on delivery.
 */
public interface RunDeliveries {

    /** The deliveries of every run of the report, by run ID, each run's in the order they are listed. */
    Map<UUID, List<Delivery>> ofReport(UUID reportId);
}
