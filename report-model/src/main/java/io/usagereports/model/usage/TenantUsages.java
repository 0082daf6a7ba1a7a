package io.usagereports.model.usage;

import java.util.List;

/** Current usage items of one or more tenants. */
public record TenantUsages(List<TenantUsage> items) {}
