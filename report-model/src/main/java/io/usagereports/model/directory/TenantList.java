package io.usagereports.model.directory;

import java.util.List;

/** The children of a tenant, by name. */
public record TenantList(List<Tenant> items) {}
