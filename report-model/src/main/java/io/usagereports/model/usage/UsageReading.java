package io.usagereports.model.usage;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * One gauge reading: the value of (tenant, usage name, edition[, user]) at {@code measured_at}
 * (docs/api.md §3). {@code edition} and {@code user_id} are optional; a reading without a user is the
 * tenant's own.
 */
public record UsageReading(
        @JsonbProperty("tenant_id") UUID tenantId,
        @JsonbProperty("usage_name") String usageName,
        String edition,
        @JsonbProperty("user_id") UUID userId,
        Long value,
        @JsonbProperty("measured_at") Instant measuredAt) {}
