package io.usagereports.service.directory;

import java.util.UUID;

/** A user of a subtree ({@link TenantTree#users}). */
public record TreeUser(UUID id, UUID tenantId, String login) {}
