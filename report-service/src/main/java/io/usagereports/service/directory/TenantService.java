package io.usagereports.service.directory;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.directory.Tenant;
import io.usagereports.model.directory.TenantUpdate;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The tenant tree: create, read, rename, list children. One transaction per method. */
@ApplicationScoped
@Transactional
public class TenantService {

    @Inject
    DirectoryRepository directory;

    @Inject
    AccessGuard guard;

    @Inject
    Clock clock;

    public Tenant create(Actor actor, Tenant request) {
        guard.requireWriter(actor);
        String name = DirectoryRules.name(request.name(), "name");
        TenantEntity parent =
                guard.writableTenant(actor, DirectoryRules.required(request.parentId(), "parent_id"), "parent_id");
        DirectoryRules.placement(request.kind(), parent);
        Instant now = now();
        TenantEntity tenant = TenantEntity.child(UUID.randomUUID(), parent, request.kind(), name, now);
        directory.persist(tenant);
        directory.persist(new TenantNameEntity(tenant.id(), now, name));
        return tenant.toTenant();
    }

    public Tenant get(Actor actor, UUID id) {
        return guard.namedTenant(actor, id, null).toTenant();
    }

    /** Renames a tenant if it is still at {@code update.version}; the old name stays in its history. */
    public Tenant rename(Actor actor, UUID id, TenantUpdate update) {
        guard.requireWriter(actor);
        // Lock before anything reads the row, so the version compared below is the current one.
        directory.tenantForUpdate(id);
        TenantEntity tenant = guard.writableTenant(actor, id, null);
        String name = DirectoryRules.name(update.name(), "name");
        int expected = DirectoryRules.required(update.version(), "version");
        if (tenant.version() != expected) {
            throw ServiceException.versionConflict(
                    ErrorDomains.DIRECTORY, "Tenant", "tenant_id", id, expected, tenant.version());
        }
        Instant now = now();
        tenant.rename(name, now);
        directory.persist(new TenantNameEntity(id, now, name));
        return tenant.toTenant();
    }

    /** The children of a tenant, by name. */
    public List<Tenant> children(Actor actor, UUID parentId) {
        guard.namedTenant(actor, parentId, "parent_id");
        return directory.children(parentId).stream().map(TenantEntity::toTenant).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
