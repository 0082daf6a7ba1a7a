package io.usagereports.model.directory;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.UUID;

/** A role a user holds on a tenant and all its descendants. */
public record AccessPolicy(
        @JsonbProperty("role_id") Role role,
        @JsonbProperty("tenant_id") UUID tenantId) {}
