package io.usagereports.service.usage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Counts the readings ingested on {@code /metrics} (README "Metrics"). A batch is counted once its
 * transaction has committed: a refused or rolled-back batch stored nothing and counts nothing.
 */
@ApplicationScoped
public class IngestionMetrics {

    /** Fired by {@link UsageIngestion} inside the batch's transaction. */
    public record Ingested(int readings) {}

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Ingested batch) {
        counter().inc(batch.readings());
    }

    private Counter counter() {
        return registry.counter(Metadata.builder()
                .withName("reports.readings.ingested")
                .withDescription("Readings received in batches that were stored (committed), sent again included")
                .build());
    }
}
