package io.usagereports.service.reports;

import io.usagereports.model.reports.Report;
import java.util.List;

/** One page of reports and the cursor of the next page ({@code null} on the last page). */
public record ReportSlice(List<Report> items, String nextCursor) {}
