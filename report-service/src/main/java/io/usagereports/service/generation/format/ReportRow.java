package io.usagereports.service.generation.format;

import io.usagereports.model.directory.TenantKind;
import java.util.UUID;

/**
 * One row of a report: a tenant, or (level {@code accounts}) one user of a tenant, listed right
 * after the tenant's own row. Rows are numbered in output order from 0.
 *
 * @param parentId the tenant's parent as it is in the tree (a folder, possibly); null for the root
 * @param userId   null for a tenant row
 */
public record ReportRow(
        int no, UUID tenantId, String tenantName, TenantKind tenantKind, UUID parentId, UUID userId, String userLogin) {

    public boolean isUserRow() {
        return userId != null;
    }
}
