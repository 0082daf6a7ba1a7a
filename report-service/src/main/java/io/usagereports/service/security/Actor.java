package io.usagereports.service.security;

import io.usagereports.model.directory.Role;
import java.util.List;
import java.util.UUID;

/**
 * Who is calling, and what they may reach: a user (by login and password) or an API client
 * acting for the user who created it (by token). Each {@link Grant} is a role on a tenant's
 * subtree, identified by the tenant's path.
 *
 * @param clientId the API client behind a token, {@code null} for a user's own login
 */
public record Actor(UUID userId, UUID clientId, List<Grant> grants) {

    /** A role on the subtree of the tenant with this path. */
    public record Grant(UUID tenantId, String tenantPath, Role role) {}

    public Actor {
        grants = List.copyOf(grants);
    }

    /** Whether the actor may see the tenant with this path (it lies in one of its subtrees). */
    public boolean canRead(String tenantPath) {
        return grants.stream().anyMatch(g -> tenantPath.startsWith(g.tenantPath()));
    }

    /** Whether the actor may change things of the tenant with this path. */
    public boolean canWrite(String tenantPath) {
        return grants.stream().anyMatch(g -> g.role().writes() && tenantPath.startsWith(g.tenantPath()));
    }

    /** Whether any role of the actor may write at all (a read-only actor may not). */
    public boolean writesAnywhere() {
        return grants.stream().anyMatch(g -> g.role().writes());
    }

    /** The subtrees the actor can see, as tenant paths. */
    public List<String> visiblePaths() {
        return grants.stream().map(Grant::tenantPath).distinct().toList();
    }
}
