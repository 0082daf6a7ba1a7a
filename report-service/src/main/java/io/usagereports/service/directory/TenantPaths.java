package io.usagereports.service.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The paths of tenants, remembered, for the access checks every request of an object makes. A
 * tenant is never deleted and never moves (its path is fixed when it is created), so the path of
 * a committed tenant stays true for ever and on every server: the memory needs no invalidation.
 * Only committed tenants are remembered: they are read outside the caller's transaction
 * ({@link TenantTree#path}). A tenant the caller's own transaction created, not committed yet, is
 * read in that transaction and not remembered.
 */
@ApplicationScoped
public class TenantPaths {

    /** About 20 MB of paths at most; past that the memory starts again, empty. */
    static final int MAX_REMEMBERED = 100_000;

    @Inject
    TenantTree tree;

    @Inject
    DirectoryRepository directory;

    private final Map<UUID, String> paths = new ConcurrentHashMap<>();

    /** The tenant's path, or empty if no such tenant exists (for the caller's transaction). */
    public Optional<String> of(UUID tenantId) {
        String path = paths.get(tenantId);
        if (path != null) {
            return Optional.of(path);
        }
        Optional<String> committed = tree.path(tenantId);
        if (committed.isEmpty()) {
            return directory.tenant(tenantId).map(TenantEntity::path);
        }
        if (paths.size() >= MAX_REMEMBERED) {
            paths.clear();
        }
        paths.put(tenantId, committed.get());
        return committed;
    }
}
