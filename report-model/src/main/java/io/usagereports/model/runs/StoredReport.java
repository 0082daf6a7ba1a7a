package io.usagereports.model.runs;

import io.usagereports.model.reports.ReportFormat;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.UUID;

/** One output of a run in one format (docs/api.md §5); {@code size} is the gzip-compressed size in bytes. */
public record StoredReport(
        UUID id,
        @JsonbProperty("report_format") ReportFormat reportFormat,
        @JsonbProperty("created_at") Instant createdAt,
        Long size,
        StoredStatus status) {}
