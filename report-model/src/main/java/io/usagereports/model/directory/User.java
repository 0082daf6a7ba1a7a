package io.usagereports.model.directory;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.UUID;

/**
 * A user of a tenant. Passwords never appear here. In a create request only tenant_id, login,
 * contact and, optionally, enabled are sent. {@code enabled} is false for a user who may not sign
 * in (docs/api.md §2); the server always answers it, a request may leave it out (true).
 */
public record User(
        UUID id,
        Integer version,
        @JsonbProperty("tenant_id") UUID tenantId,
        String login,
        Contact contact,
        Boolean enabled) {

    /** The canonical constructor, the one JSON-B reads with. */
    @JsonbCreator
    public User {}

    /** A user without {@code enabled} (absent: the server's default, true). */
    public User(UUID id, Integer version, UUID tenantId, String login, Contact contact) {
        this(id, version, tenantId, login, contact, null);
    }

    /** A user to create: {@code id} and {@code version} are absent, assigned by the server; enabled. */
    public static User of(UUID tenantId, String login, Contact contact) {
        return new User(null, null, tenantId, login, contact, null);
    }

    /** This user with {@code enabled} set, e.g. to create a user who cannot sign in yet. */
    public User withEnabled(boolean enabled) {
        return new User(id, version, tenantId, login, contact, enabled);
    }
}
