package io.usagereports.model.runs;

import java.util.List;

/** Response of {@code GET /reports/{id}/stored}: newest first. */
public record StoredReports(List<StoredReport> items) {}
