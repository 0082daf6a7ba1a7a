package io.usagereports.model.reports;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * One version of a report definition in its audit trail: the full object as it was after
 * the change, when it was made and by whom ({@code null} when no user is known).
 */
public record ReportRevision(
        int version,
        @JsonbProperty("changed_at") Instant changedAt,
        @JsonbProperty("changed_by") UUID changedBy,
        Report report) {}
