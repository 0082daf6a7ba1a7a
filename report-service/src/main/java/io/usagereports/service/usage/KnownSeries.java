package io.usagereports.service.usage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The series this server has seen committed to {@code usage_series}, so that ingestion writes
 * only series it has not seen: agents send every series every day, and upserting each one again
 * would double the statements of a batch. Series are never deleted, so an entry never goes stale;
 * one that is missing (another server stored it, or the set was cleared) only costs an upsert
 * that changes nothing. The set is bounded: it is cleared when it outgrows its limit.
 */
@ApplicationScoped
public class KnownSeries {

    /** One series of readings, as stored (no edition is {@code ""}, a tenant's own readings have the nil user). */
    record SeriesKey(UUID tenantId, String usageName, String edition, UUID userId) {

        /** The order series are written in: concurrent batches take their key locks in one order. */
        static final Comparator<SeriesKey> ORDER = Comparator.comparing(SeriesKey::tenantId)
                .thenComparing(SeriesKey::usageName)
                .thenComparing(SeriesKey::edition)
                .thenComparing(SeriesKey::userId);
    }

    /** Learned once the transaction that wrote them has committed. */
    record SeriesStored(Collection<SeriesKey> series) {}

    /** Usage names are few and repeat across tenants: one string each keeps an entry small. */
    private static final int MAX_NAMES = 10_000;

    private final Set<SeriesKey> series = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, String> names = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "reports.usage.known-series", defaultValue = "250000")
    int limit;

    boolean contains(SeriesKey key) {
        return series.contains(key);
    }

    void learned(@Observes(during = TransactionPhase.AFTER_SUCCESS) SeriesStored stored) {
        if (series.size() + stored.series().size() > limit) {
            series.clear();
            names.clear();
        }
        for (SeriesKey key : stored.series()) {
            series.add(new SeriesKey(key.tenantId(), shared(key.usageName()), shared(key.edition()), key.userId()));
        }
    }

    private String shared(String name) {
        if (names.size() >= MAX_NAMES) {
            return name;
        }
        String known = names.putIfAbsent(name, name);
        return known == null ? name : known;
    }
}
