package io.usagereports.service.runs;

import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.runs.RunStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A run as the work that follows it (its delivery) sees it: what it covers and its outputs.
 *
 * @param firstDay the first day the run reports (for {@code usage_current}: its value date)
 * @param lastDay  the last day the run reports
 */
public record SavedRun(
        UUID id, UUID reportId, RunStatus status, LocalDate firstDay, LocalDate lastDay, List<Output> outputs) {

    /**
     * One stored report of the run. {@code contentSize} is its uncompressed size, {@code null}
     * for outputs saved before sizes were recorded; {@code content} reads it (once saved).
     */
    public record Output(
            UUID storedId, ReportFormat format, String fileName, Long contentSize, StoredReportContent content) {}
}
