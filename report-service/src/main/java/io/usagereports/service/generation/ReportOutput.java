package io.usagereports.service.generation;

import io.usagereports.model.reports.ReportFormat;
import java.io.OutputStream;

/**
 * One file a generation writes: the report in {@code format}, into {@code stream} (which the
 * caller owns: the generation flushes it but does not close it).
 */
public record ReportOutput(ReportFormat format, OutputStream stream) {}
