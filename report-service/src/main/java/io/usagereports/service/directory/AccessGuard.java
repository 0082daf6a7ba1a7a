package io.usagereports.service.directory;

import static io.usagereports.model.common.ErrorCodes.FORBIDDEN;
import static io.usagereports.model.common.ErrorCodes.TENANT_ACCESS_DENIED;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import io.usagereports.service.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/**
 * The rules of docs/api.md §1 "Who may see what", in one place: a read-only actor writing is 403
 * {@code forbidden}; a tenant named outside the actor's subtree (or not existing) is 403
 * {@code tenant_access_denied}. Objects addressed by their own ID are checked with
 * {@link #sees}, and callers answer 404 for what the actor cannot see.
 */
@ApplicationScoped
public class AccessGuard {

    @Inject
    DirectoryRepository directory;

    @Inject
    TenantPaths tenantPaths;

    /** Refuses an actor whose roles cannot write anything, before any other check. */
    public void requireWriter(Actor actor) {
        if (!actor.writesAnywhere()) {
            throw forbidden();
        }
    }

    /** The tenant a request names (in its path or body), if the actor may see it. */
    public TenantEntity namedTenant(Actor actor, UUID tenantId, String field) {
        return directory
                .tenant(tenantId)
                .filter(t -> actor.canRead(t.path()))
                .orElseThrow(() -> new ServiceException(
                        Kind.FORBIDDEN,
                        ErrorDomains.AUTH,
                        TENANT_ACCESS_DENIED,
                        "Tenant " + tenantId + " does not exist or is outside your reach.",
                        field,
                        "Use a tenant inside the subtree of your token's tenant.",
                        Map.of("tenant_id", tenantId.toString())));
    }

    /** The tenant a request names, if the actor may change things there. */
    public TenantEntity writableTenant(Actor actor, UUID tenantId, String field) {
        TenantEntity tenant = namedTenant(actor, tenantId, field);
        requireWrite(actor, tenant);
        return tenant;
    }

    public void requireWrite(Actor actor, TenantEntity tenant) {
        if (!actor.canWrite(tenant.path())) {
            throw forbidden();
        }
    }

    /** Whether the actor may see things of this tenant (false for a tenant that does not exist). */
    public boolean sees(Actor actor, UUID tenantId) {
        return tenantPaths.of(tenantId).filter(actor::canRead).isPresent();
    }

    private static ServiceException forbidden() {
        return new ServiceException(
                Kind.FORBIDDEN,
                ErrorDomains.AUTH,
                FORBIDDEN,
                "Your role does not allow this change.",
                null,
                "Use a token of a client whose creator has an admin role other than readonly_admin.",
                null);
    }
}
