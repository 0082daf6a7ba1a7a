package io.usagereports.model.directory;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.UUID;

/** A tenant: a node of the tree under the root. In a create request only name, parent_id and kind are sent. */
public record Tenant(UUID id, Integer version, String name, TenantKind kind,
                     @JsonbProperty("parent_id") UUID parentId) {
}
