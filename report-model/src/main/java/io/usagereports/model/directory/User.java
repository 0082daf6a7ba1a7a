package io.usagereports.model.directory;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.UUID;

/** A user of a tenant. Passwords never appear here. In a create request only tenant_id, login and contact are sent. */
public record User(
        UUID id,
        Integer version,
        @JsonbProperty("tenant_id") UUID tenantId,
        String login,
        Contact contact) {

    /** A user to create: {@code id} and {@code version} are absent, assigned by the server. */
    public static User of(UUID tenantId, String login, Contact contact) {
        return new User(null, null, tenantId, login, contact);
    }
}
