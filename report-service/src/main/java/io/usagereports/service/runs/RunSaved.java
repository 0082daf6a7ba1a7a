package io.usagereports.service.runs;

import java.time.Instant;
import java.util.UUID;

/**
 * A run was saved: fired inside the transaction that saves it, so what observers write (the
 * deliveries of a {@code send} report) commits with the run or not at all.
 */
public record RunSaved(UUID runId, UUID reportId, Instant savedAt) {}
