package io.usagereports.model.reports;

import io.usagereports.model.common.Paging;
import java.util.List;

/** One page of {@code GET /reports}; {@code paging.cursors.after} is absent on the last page. */
public record ReportPage(List<Report> items, Paging paging) {}
