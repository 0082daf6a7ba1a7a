package io.usagereports.service.reports;

import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.ScheduleType;
import java.util.UUID;

/**
 * Which reports {@code GET /reports} lists; {@code null} criteria match everything.
 *
 * @param after opaque cursor from a previous page, or {@code null} for the first page
 */
public record ReportFilter(
        UUID tenantId, ReportKind kind, ResultAction resultAction, ScheduleType scheduleType, int limit, String after) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
}
