package io.usagereports.model.runs;

import java.util.List;

/** Response of {@code POST /reports/{id}/runs/{run_id}/deliveries}: the new deliveries. */
public record Deliveries(List<Delivery> items) {}
