package io.usagereports.service.reports;

import io.usagereports.model.reports.Report;
import java.time.Instant;

/** Fired inside the transaction that creates a report, so that what follows from it commits with it. */
public record ReportCreated(Report report, Instant at) {}
