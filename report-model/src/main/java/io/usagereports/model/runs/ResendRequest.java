package io.usagereports.model.runs;

import java.util.List;
import java.util.UUID;

/**
 * Body of {@code POST /reports/{id}/runs/{run_id}/deliveries}: whom to e-mail the run's outputs
 * again; {@code null} for the report's current recipients.
 */
public record ResendRequest(List<UUID> recipients) {}
