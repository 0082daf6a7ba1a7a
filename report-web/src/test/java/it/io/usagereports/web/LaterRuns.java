package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.service.runs.OutputSize;
import io.usagereports.service.runs.RunClaims;
import io.usagereports.service.runs.RunClaims.Claim;
import io.usagereports.service.runs.RunClaims.Claimable;
import io.usagereports.service.runs.RunGenerator;
import io.usagereports.service.runs.RunGenerator.PreparedAttempt;
import io.usagereports.service.runs.RunPlanner;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * For in-server tests: runs a report's queued run with the server's own code as a worker whose
 * "now" is {@code later}, days ahead, so that what follows (the run's deliveries, due at that
 * "now") stays with the test: the server's own pollers, living in the present, leave it alone.
 */
final class LaterRuns {

    private LaterRuns() {}

    static void saveAt(Instant later, UUID runId, RunClaims ledger, RunPlanner planner, RunGenerator generator)
            throws Exception {
        Claim claim = ledger.claim(new Claimable(runId, 0), "test-worker", later, later.plusSeconds(3600))
                .orElseThrow();
        Map<UUID, OutputSize> sizes;
        try (PreparedAttempt attempt =
                generator.prepare(claim, planner.job(claim).orElseThrow())) {
            sizes = attempt.write(() -> {});
        }
        assertThat(ledger.complete(claim, sizes, later)).isTrue();
    }
}
