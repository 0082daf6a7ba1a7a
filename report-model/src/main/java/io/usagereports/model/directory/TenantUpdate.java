package io.usagereports.model.directory;

/** The body of {@code PUT /tenants/{id}}: the new name and the version it replaces. */
public record TenantUpdate(String name, Integer version) {}
