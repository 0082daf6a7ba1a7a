package io.usagereports.service.usage;

import io.usagereports.model.usage.TenantUsage;
import io.usagereports.service.directory.AccessGuard;
import io.usagereports.service.directory.TenantEntity;
import io.usagereports.service.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Tenants' current usage (docs/api.md §3): their own value and the value of their whole subtree. */
@ApplicationScoped
@Transactional
public class CurrentUsageService {

    /** The unit of a usage no offering item describes. */
    static final String DEFAULT_UNIT = "quantity";

    @Inject
    UsageRepository store;

    @Inject
    AccessGuard guard;

    @Inject
    Clock clock;

    public List<TenantUsage> of(Actor actor, List<UUID> tenantIds) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime monthStart =
                LocalDate.now(clock).withDayOfMonth(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        List<TenantUsage> items = new ArrayList<>();
        for (int i = 0; i < tenantIds.size(); i++) {
            TenantEntity tenant =
                    guard.namedTenant(actor, tenantIds.get(i), tenantIds.size() == 1 ? null : "tenants[" + i + "]");
            for (UsageRepository.CurrentValue v : store.currentValues(tenant.id(), tenant.path(), now)) {
                items.add(new TenantUsage(
                        tenant.id(),
                        v.usageName(),
                        UsageRepository.emptyToNull(v.edition()),
                        v.unit() == null ? DEFAULT_UNIT : v.unit(),
                        v.own(),
                        v.absolute(),
                        monthStart.toInstant(),
                        v.type()));
            }
        }
        return items;
    }
}
