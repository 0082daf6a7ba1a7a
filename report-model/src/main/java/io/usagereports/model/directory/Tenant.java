package io.usagereports.model.directory;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.UUID;

/** A tenant: a node of the tree under the root. In a create request only name, parent_id and kind are sent. */
public record Tenant(
        UUID id,
        Integer version,
        String name,
        TenantKind kind,
        @JsonbProperty("parent_id") UUID parentId) {

    /** A tenant to create: {@code id} and {@code version} are absent, assigned by the server. */
    public static Tenant of(String name, TenantKind kind, UUID parentId) {
        return new Tenant(null, null, name, kind, parentId);
    }

    /** A partner to create under {@code parentId}. */
    public static Tenant partner(String name, UUID parentId) {
        return of(name, TenantKind.PARTNER, parentId);
    }

    /** A customer to create under {@code parentId}. */
    public static Tenant customer(String name, UUID parentId) {
        return of(name, TenantKind.CUSTOMER, parentId);
    }
}
