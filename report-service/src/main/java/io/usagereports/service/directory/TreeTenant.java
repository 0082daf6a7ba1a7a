package io.usagereports.service.directory;

import io.usagereports.model.directory.TenantKind;
import java.util.UUID;

/** A tenant of a subtree, named as it was at a given instant ({@link TenantTree#subtree}). */
public record TreeTenant(UUID id, UUID parentId, TenantKind kind, String name) {}
