package io.usagereports.model.reports;

import java.util.List;
import java.util.UUID;

/** Response of {@code GET /tenants/{id}/reports}: report IDs only, as the platform answers. */
public record ReportIds(List<UUID> items) {}
