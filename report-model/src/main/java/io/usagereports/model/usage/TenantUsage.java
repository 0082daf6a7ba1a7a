package io.usagereports.model.usage;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's current usage of one usage name and edition: {@code value} is the tenant's own
 * (its readings and its users'), {@code absolute_value} adds all its descendants';
 * {@code range_start} is the start of the current calendar month (UTC).
 */
public record TenantUsage(
        @JsonbProperty("tenant_id") UUID tenantId,
        @JsonbProperty("usage_name") String usageName,
        String edition,
        @JsonbProperty("measurement_unit") String measurementUnit,
        long value,
        @JsonbProperty("absolute_value") long absoluteValue,
        @JsonbProperty("range_start") Instant rangeStart,
        String type) {}
