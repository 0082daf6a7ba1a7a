package io.usagereports.model.reports;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import java.util.UUID;

/**
 * What a report covers ({@code tenant_id}, {@code level}, {@code period}), measures and produces.
 * {@code timezone} (an IANA name) draws the day boundaries of every value and the dates of
 * scheduled periods; absent, a scheduled report follows its schedule's time zone, others UTC.
 */
public record ReportParameters(
        @JsonbProperty("tenant_id") UUID tenantId,
        ReportLevel level,
        ReportKind kind,
        List<ReportFormat> formats,
        Period period,
        @JsonbProperty("hide_zero_usage") Boolean hideZeroUsage,
        @JsonbProperty("show_skus") Boolean showSkus,
        String timezone) {

    /** The canonical constructor, the one JSON-B reads with. */
    @JsonbCreator
    public ReportParameters {
    }

    /** Parameters with the default time zone. */
    public ReportParameters(UUID tenantId, ReportLevel level, ReportKind kind, List<ReportFormat> formats,
                            Period period, Boolean hideZeroUsage, Boolean showSkus) {
        this(tenantId, level, kind, formats, period, hideZeroUsage, showSkus, null);
    }
}
