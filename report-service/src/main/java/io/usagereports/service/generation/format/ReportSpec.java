package io.usagereports.service.generation.format;

import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * What one run generates: a definition's content parameters resolved for one period.
 *
 * @param periodStart first day reported (for {@code usage_current}: the value date)
 * @param periodEnd   last day reported (for {@code usage_current}: the value date)
 * @param generatedAt when the run was due: "now" of the report, the same for every retry
 * @param zone        where the report's days begin and end
 */
public record ReportSpec(
        UUID subjectId,
        String subjectName,
        ReportKind kind,
        ReportLevel level,
        LocalDate periodStart,
        LocalDate periodEnd,
        boolean hideZeroUsage,
        boolean showSkus,
        Instant generatedAt,
        ZoneId zone) {

    public LocalDate[] dates() {
        return ReportDates.of(kind, periodStart, periodEnd, periodEnd);
    }
}
