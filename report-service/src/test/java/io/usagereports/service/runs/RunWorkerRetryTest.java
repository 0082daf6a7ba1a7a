package io.usagereports.service.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.usagereports.model.reports.Report;
import io.usagereports.model.runs.RunStatus;
import io.usagereports.model.runs.RunTrigger;
import io.usagereports.service.common.LeaseTimers;
import io.usagereports.service.generation.LeaseCheck;
import io.usagereports.service.runs.RunClaims.Claim;
import io.usagereports.service.runs.RunClaims.Claimable;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What becomes of one attempt at a run, by how its generation ends. The run's table, its
 * planning and its generation are doubles.
 */
class RunWorkerRetryTest {

    private static final Instant NOW = Instant.parse("2024-05-08T06:00:00Z");
    private static final UUID RUN = UUID.fromString("0c5a3c9e-0d84-4b6b-9a39-2a1d2b0f7c11");
    private static final UUID REPORT = UUID.fromString("20dffb36-d77b-45c6-b2fa-39276e98d5fc");
    private static final UUID STORED = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final LocalDate DAY = LocalDate.parse("2024-05-07");
    private static final RunJob JOB = new RunJob(
            new RunRow(
                    RUN,
                    REPORT,
                    RunTrigger.SCHEDULED,
                    "2024-05-07",
                    DAY,
                    DAY,
                    NOW,
                    RunStatus.RUNNING,
                    1,
                    NOW,
                    NOW,
                    null,
                    null,
                    null),
            Report.builder().id(REPORT).build(),
            List.of());

    private final Runs runs = new Runs();
    private final Planner planner = new Planner();
    private final Generator generator = new Generator();
    private final LeaseTimers timers = new LeaseTimers();
    private final RunWorker worker = new RunWorker();

    @BeforeEach
    void wire() {
        worker.ledger = runs;
        worker.planner = planner;
        worker.generator = generator;
        worker.scheduler = timers.service();
        worker.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        worker.leaseSeconds = 120;
        worker.setConcurrency(1);
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    /** Claims attempt {@code attempt} of the run and executes it. */
    private void attempt(int attempt) {
        assertThat(worker.claimAndExecute(new Claimable(RUN, attempt - 1))).isTrue();
    }

    private static Outcome failure(RunStatus status, int attempt, Instant at) {
        return new Outcome(
                status,
                new Claim(RUN, attempt),
                at,
                "generation_failed",
                "Generating the report failed (attempt " + attempt + " of 3)");
    }

    @Test
    void aFailedAttemptIsRetriedAfterOneMinuteThenFourAndTheThirdFailureFailsTheRun() {
        generator.work = (claim, lease) -> {
            throw new SQLException("An I/O error occurred while sending to the backend.");
        };

        attempt(1);
        attempt(2);
        attempt(3);

        assertThat(runs.outcomes)
                .containsExactly(
                        failure(RunStatus.QUEUED, 1, NOW.plus(Duration.ofMinutes(1))),
                        failure(RunStatus.QUEUED, 2, NOW.plus(Duration.ofMinutes(4))),
                        failure(RunStatus.FAILED, 3, NOW));
        assertThat(runs.released).isEmpty();
    }

    @Test
    void anAttemptHandedBackByAStoppingServerDoesNotCountAsAFailure() {
        generator.work = (claim, lease) -> {
            throw new SQLException("An I/O error occurred while sending to the backend.");
        };
        runs.handedBack = 1; // attempt 1 was handed back untried by a server that stopped

        attempt(2);
        attempt(3);
        attempt(4);

        assertThat(runs.outcomes)
                .extracting(Outcome::status, Outcome::at, Outcome::message)
                .containsExactly(
                        tuple(
                                RunStatus.QUEUED,
                                NOW.plus(Duration.ofMinutes(1)),
                                "Generating the report failed (attempt 1 of 3)"),
                        tuple(
                                RunStatus.QUEUED,
                                NOW.plus(Duration.ofMinutes(4)),
                                "Generating the report failed (attempt 2 of 3)"),
                        tuple(RunStatus.FAILED, NOW, "Generating the report failed (attempt 3 of 3)"));
    }

    @Test
    void aFailureWhilePlanningCountsAsAFailedAttemptToo() {
        planner.failure = new IllegalStateException("Preparing run " + RUN + " failed");

        attempt(1);

        assertThat(runs.outcomes).containsExactly(failure(RunStatus.QUEUED, 1, NOW.plus(Duration.ofMinutes(1))));
    }

    @Test
    void aSuccessfulAttemptSavesTheRunWithItsSizesAndStopsRenewingItsLease() {
        Map<UUID, OutputSize> sizes = Map.of(STORED, new OutputSize(120, 4096));
        generator.work = (claim, lease) -> sizes;

        attempt(1);

        assertThat(runs.outcomes).containsExactly(new Outcome(RunStatus.SAVED, new Claim(RUN, 1), NOW, null, null));
        assertThat(runs.savedSizes).isEqualTo(sizes);
        assertThat(timers.started).singleElement().returns(true, LeaseTimers.Timer::isCancelled);
    }

    @Test
    void anAttemptThatLostItsClaimRecordsNothing() {
        generator.work = (claim, lease) -> {
            throw new LostClaimException(claim.runId());
        };

        attempt(1);

        assertThat(runs.outcomes).isEmpty();
        assertThat(runs.released).isEmpty();
    }

    @Test
    void aLeaseRenewalThatFindsTheRunTakenOverStopsTheGenerationAndRecordsNothing() {
        List<String> written = new ArrayList<>();
        generator.work = (claim, lease) -> {
            written.add("row 1");
            lease.check();
            runs.holdsClaim = false;
            timers.started.get(0).tick();
            lease.check();
            written.add("row 2");
            return Map.of();
        };

        attempt(1);

        assertThat(written).containsExactly("row 1");
        assertThat(runs.outcomes).isEmpty();
        assertThat(runs.released).isEmpty();
    }

    @Test
    void anAttemptThatFinishesAfterLosingItsClaimChangesNothingMore() {
        runs.holdsClaim = false;
        generator.work = (claim, lease) -> Map.of(STORED, new OutputSize(120, 4096));

        attempt(1);

        assertThat(runs.completions)
                .as("the completion, which the table refused")
                .isEqualTo(1);
        assertThat(runs.outcomes).as("and neither a retry nor a failure").isEmpty();
    }

    @Test
    void aRunWhoseReportWasDeletedMeanwhileEndsWithoutAnOutcome() {
        planner.job = Optional.empty();

        attempt(1);

        assertThat(runs.outcomes).isEmpty();
        assertThat(generator.calls).isZero();
    }

    @Test
    void aStoppingServerHandsTheRunBackInsteadOfCountingAFailure() {
        generator.work = (claim, lease) -> {
            worker.handOver();
            throw new SQLException("This connection has been closed.");
        };

        attempt(1);

        assertThat(runs.outcomes).as("neither retried nor failed").isEmpty();
        assertThat(runs.released).isNotEmpty().containsOnly(new Claim(RUN, 1));
        assertThat(worker.available()).as("and the server takes no more runs").isZero();
    }

    @Test
    void anAttemptInterruptedAsTheServerStopsIsHandedBackToo() {
        generator.work = (claim, lease) -> {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while writing a chunk");
        };

        attempt(2);

        assertThat(runs.outcomes).isEmpty();
        assertThat(runs.released).containsExactly(new Claim(RUN, 2));
    }

    @Test
    void aFailureThatCannotBeRecordedIsLeftToTheLease() {
        runs.recordingFails = new IllegalStateException("Recording the outcome of a run failed");
        generator.work = (claim, lease) -> {
            throw new SQLException("An I/O error occurred while sending to the backend.");
        };

        attempt(1);

        assertThat(runs.outcomes).isEmpty();
        assertThat(runs.released).isEmpty();
    }

    /** A change the worker made to the run's row: its status, and when it is due again or ended. */
    record Outcome(RunStatus status, Claim claim, Instant at, String code, String message) {}

    /** The {@code report_run} table as the worker changes it. */
    static final class Runs extends RunClaims {
        final List<Outcome> outcomes = new ArrayList<>();
        final List<Claim> released = new ArrayList<>();
        boolean holdsClaim = true;
        RuntimeException recordingFails;
        Map<UUID, OutputSize> savedSizes;
        int completions;

        @Override
        public Optional<Claim> claim(Claimable run, String owner, Instant now, Instant leaseUntil) {
            return Optional.of(new Claim(run.runId(), run.attempt() + 1));
        }

        /** Attempts handed back untried so far: claimed, but not failed. */
        int handedBack;

        @Override
        int failuresSoFar(Claim claim) {
            return claim.attempt() - 1 - handedBack;
        }

        @Override
        boolean extendLease(Claim claim, Instant leaseUntil) {
            return holdsClaim;
        }

        @Override
        public boolean complete(Claim claim, Map<UUID, OutputSize> sizes, Instant now) {
            completions++;
            if (holdsClaim) {
                outcomes.add(new Outcome(RunStatus.SAVED, claim, now, null, null));
                savedSizes = sizes;
            }
            return holdsClaim;
        }

        @Override
        boolean retryLater(Claim claim, Instant retryAt, String code, String message) {
            if (recordingFails != null) {
                throw recordingFails;
            }
            outcomes.add(new Outcome(RunStatus.QUEUED, claim, retryAt, code, message));
            return true;
        }

        @Override
        boolean fail(Claim claim, Instant now, String code, String message) {
            if (recordingFails != null) {
                throw recordingFails;
            }
            outcomes.add(new Outcome(RunStatus.FAILED, claim, now, code, message));
            return true;
        }

        @Override
        boolean release(Claim claim) {
            released.add(claim);
            return true;
        }
    }

    /** Plans each attempt: the job, or none if the run is gone, or a failure. */
    static final class Planner extends RunPlanner {
        Optional<RunJob> job = Optional.of(JOB);
        RuntimeException failure;

        @Override
        public Optional<RunJob> job(Claim claim) {
            if (failure != null) {
                throw failure;
            }
            return job;
        }
    }

    /** Generates each attempt as the test says. */
    static final class Generator extends RunGenerator {

        @FunctionalInterface
        interface Work {
            Map<UUID, OutputSize> generate(Claim claim, LeaseCheck lease) throws SQLException, IOException;
        }

        Work work = (claim, lease) -> Map.of();
        int calls;

        @Override
        Map<UUID, OutputSize> generate(Claim claim, RunJob job, LeaseCheck lease) throws SQLException, IOException {
            calls++;
            return work.generate(claim, lease);
        }
    }
}
