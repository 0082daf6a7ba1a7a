package io.usagereports.model.reports;

import java.util.List;

/** Response of {@code GET /reports/{id}/revisions}: every version, oldest first. */
public record ReportRevisions(List<ReportRevision> items) {}
