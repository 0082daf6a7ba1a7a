package io.usagereports.model.usage;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * What a tenant offers for one usage name and edition: its unit ({@code bytes},
 * {@code quantity}, {@code seconds}, ...), SKU and quota. Readings need no offering item; it
 * only adds these details to reports.
 */
public record OfferingItem(
        String name,
        @JsonbProperty("usage_name") String usageName,
        String edition,
        @JsonbProperty("measurement_unit") String measurementUnit,
        String type,
        String sku,
        Integer status,
        Quota quota) {

    /** A limit on the usage; {@code null} values mean unlimited. */
    public record Quota(Long value, Long overage) {}
}
