package io.usagereports.service.runs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * What runs report to {@code /metrics} (README "Metrics"): attempts by outcome and how long saved
 * ones took, by report kind. {@link #NONE} records nothing, for workers built outside a container.
 */
@ApplicationScoped
public class RunMetrics {

    static final RunMetrics NONE = new RunMetrics();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    /** An attempt ended: {@code saved}, {@code retried} (failed, tried again later) or {@code failed} (for good). */
    void outcome(String outcome) {
        if (registry != null) {
            registry.counter("reports.runs", new Tag("outcome", outcome)).inc();
        }
    }

    /** A saved attempt of a report of {@code kind} took {@code duration}, from its claim to its save. */
    void saved(String kind, Duration duration) {
        if (registry != null) {
            registry.timer("reports.run.duration", new Tag("kind", kind)).update(duration);
        }
    }
}
