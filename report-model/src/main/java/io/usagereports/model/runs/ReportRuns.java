package io.usagereports.model.runs;

import java.util.List;

/** Response of {@code GET /reports/{id}/runs}: newest first. */
public record ReportRuns(List<ReportRun> items) {}
