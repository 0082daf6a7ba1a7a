package io.usagereports.model.reports;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import java.util.UUID;

/** What a report covers ({@code tenant_id}, {@code level}, {@code period}), measures and produces. */
public record ReportParameters(
        @JsonbProperty("tenant_id") UUID tenantId,
        ReportLevel level,
        ReportKind kind,
        List<ReportFormat> formats,
        Period period,
        @JsonbProperty("hide_zero_usage") Boolean hideZeroUsage,
        @JsonbProperty("show_skus") Boolean showSkus) {
}
