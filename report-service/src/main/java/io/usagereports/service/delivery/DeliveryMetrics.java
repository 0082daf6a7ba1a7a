package io.usagereports.service.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * What deliveries report to {@code /metrics} (README "Metrics"): attempts by outcome, and how many
 * attempts a delivery took once it ended. {@link #NONE} records nothing, for workers built outside
 * a container.
 */
@ApplicationScoped
public class DeliveryMetrics {

    static final DeliveryMetrics NONE = new DeliveryMetrics();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    /**
     * An attempt ended: {@code delivered}, {@code retried} or {@code failed}; a delivery that ended
     * ({@code delivered} or {@code failed}) after {@code attempts} attempts is also counted there.
     */
    void outcome(String outcome, int attempts) {
        if (registry == null) {
            return;
        }
        registry.counter("reports.deliveries", new Tag("outcome", outcome)).inc();
        if (!outcome.equals("retried")) {
            registry.histogram("reports.delivery.attempts", new Tag("outcome", outcome))
                    .update(attempts);
        }
    }
}
