package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.usagereports.model.directory.Tenant;
import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.runs.RunStatus;
import io.usagereports.model.runs.StoredReport;
import io.usagereports.model.usage.UsageReading;
import io.usagereports.service.directory.TenantService;
import io.usagereports.service.directory.UserService;
import io.usagereports.service.persistence.Databases;
import io.usagereports.service.reports.ReportService;
import io.usagereports.service.runs.LostClaimException;
import io.usagereports.service.runs.OutputSize;
import io.usagereports.service.runs.RunClaims;
import io.usagereports.service.runs.RunClaims.Claim;
import io.usagereports.service.runs.RunClaims.Claimable;
import io.usagereports.service.runs.RunGenerator;
import io.usagereports.service.runs.RunGenerator.PreparedAttempt;
import io.usagereports.service.runs.RunJob;
import io.usagereports.service.runs.RunPlanner;
import io.usagereports.service.runs.RunService;
import io.usagereports.service.runs.RunWorker;
import io.usagereports.service.security.Actor;
import io.usagereports.service.usage.IndexedRow;
import io.usagereports.service.usage.UsageIngestion;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker that was paused past its lease (a stopped process, a long GC pause) and resumes while
 * another worker redoes its run: whatever it does then must neither take rows from the new
 * attempt nor add any, so the new attempt's output is complete and nothing of the stale one stays.
 * The stale worker resumes at each moment of the new attempt (planned, writing, finishing), from
 * each point of its own (claimed only, or already planned), and runs the real worker code.
 */
@ExtendWith(ArquillianExtension.class)
class StaleWorkerIT {

    private static final int CUSTOMERS = 12;
    private static final int DAYS = 3;
    private static final String[] USAGES = {"storage", "devices"};

    @Deployment
    static WebArchive deployment() {
        return InServer.deployment("stale-worker-it", StaleWorkerIT.class);
    }

    /** When, during the new attempt, the stale worker resumes. */
    enum Moment {
        NEW_ATTEMPT_PLANNED,
        NEW_ATTEMPT_WRITING,
        NEW_ATTEMPT_FINISHING
    }

    @Inject
    ReportService reports;

    @Inject
    RunService runs;

    @Inject
    RunClaims ledger;

    @Inject
    RunPlanner planner;

    @Inject
    RunGenerator generator;

    @Inject
    RunWorker worker;

    @Inject
    TenantService tenants;

    @Inject
    UserService users;

    @Inject
    UsageIngestion ingestion;

    @Resource(lookup = "jdbc/reports")
    DataSource dataSource;

    /** The generation's kind of connection: outside JTA, its transactions its own. */
    @Resource(lookup = "jdbc/reportsNonTx")
    DataSource nonTransactional;

    @Test
    void aStaleWorkerThatWasOnlyClaimedChangesNothing() throws Exception {
        for (Moment moment : Moment.values()) {
            resumeAfterClaiming(moment);
        }
    }

    @Test
    void aStaleWorkerThatHadPlannedItsRowsChangesNothing() throws Exception {
        for (Moment moment : Moment.values()) {
            resumeAfterPlanning(moment);
        }
    }

    /**
     * A worker frozen in the middle of a fenced write (a chunk sent, the transaction still open)
     * holds nothing the next claim waits for: the fence locks the run's row only after the writes,
     * for the instant before the commit. Resumed, its write rolls back.
     */
    @Test
    void aWorkerFrozenInTheMiddleOfAWriteDoesNotHoldUpTheNextClaim() throws Exception {
        PausedRun run = pausedRun();
        planner.job(run.stale()).orElseThrow();
        UUID storedId = runs.stored(run.admin(), run.report().id()).get(0).id();

        // Sooner than the database's bound on idle transactions could have freed anything.
        AfterFreeze after = claimWhileFrozen(
                run, c -> insertChunk(c, storedId, run.stale().attempt()), Databases.IDLE_BOUND.dividedBy(2));

        assertThat(after.next()).map(Claim::attempt).contains(run.stale().attempt() + 1);
        assertThat(after.frozenWritesFailure()).isInstanceOf(LostClaimException.class);
        assertThat(chunkAttempts(storedId)).isEmpty();
        reports.delete(run.admin(), run.report().id(), 1);
    }

    /**
     * On PostgreSQL a fenced transaction that sits idle holding the run's row (its server frozen
     * between two statements) is ended by the database within {@link Databases#IDLE_BOUND}, so the
     * next claim goes through instead of waiting for the frozen server to wake. (H2 is embedded:
     * its one server freezes with its transactions.)
     */
    @Test
    @EnabledIfEnvironmentVariable(named = "REPORTS_DB_KIND", matches = "postgresql")
    void aFencedTransactionLeftIdleLosesItsLocksWithinTheBound() throws Exception {
        PausedRun run = pausedRun();

        AfterFreeze after = claimWhileFrozen(
                run,
                c -> {
                    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM report_run WHERE id = ? FOR UPDATE")) {
                        s.setObject(1, run.runId());
                        s.executeQuery().close();
                    }
                },
                Databases.IDLE_BOUND.multipliedBy(3));

        assertThat(after.next()).map(Claim::attempt).contains(run.stale().attempt() + 1);
        assertThat(after.frozenWritesFailure()).isInstanceOf(SQLException.class);
        reports.delete(run.admin(), run.report().id(), 1);
    }

    /** What a live server's claim got while the paused one was frozen, and what its writes then threw. */
    private record AfterFreeze(Optional<Claim> next, Throwable frozenWritesFailure) {}

    /**
     * Runs {@code writes} through the paused claim's fence, as the generation does (on a connection
     * of its own), and freezes them there, the transaction still open; meanwhile a live server
     * claims the run, waited for at most {@code patience}. Then the frozen writes go on.
     */
    private AfterFreeze claimWhileFrozen(PausedRun run, FencedWrites writes, Duration patience) throws Exception {
        CountDownLatch frozen = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> frozenWrites = threads.submit(() -> {
                try (Connection c = nonTransactional.getConnection()) {
                    c.setAutoCommit(false);
                    ledger.fence(run.stale()).commit(c, () -> {
                        writes.run(c);
                        frozen.countDown();
                        try {
                            resume.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                    });
                }
                return null;
            });
            assertThat(frozen.await(30, TimeUnit.SECONDS)).isTrue();
            Optional<Claim> next =
                    threads.submit(() -> claimByALiveServer(run)).get(patience.toMillis(), TimeUnit.MILLISECONDS);
            resume.countDown();
            Throwable failure = catchThrowable(frozenWrites::get);
            return new AfterFreeze(next, failure == null ? null : failure.getCause());
        } finally {
            resume.countDown();
            threads.shutdownNow();
        }
    }

    private static void insertChunk(Connection c, UUID storedId, int attempt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO stored_report_chunk (stored_id, attempt, seq, data) VALUES (?, ?, 0, ?)")) {
            s.setObject(1, storedId);
            s.setInt(2, attempt);
            s.setBytes(3, new byte[] {31, -117, 8, 0});
            s.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface FencedWrites {
        void run(Connection c) throws SQLException;
    }

    /**
     * A daily report due in two days whose run a server claimed and then paused: the claim's
     * lease, valid for the server's own pollers, runs out at {@code later}, when other servers may
     * take the run over.
     */
    private record PausedRun(Actor admin, Report report, Claim stale, Instant later) {
        UUID runId() {
            return stale.runId();
        }
    }

    private PausedRun pausedRun() {
        Actor admin = users.authenticate("admin", System.getenv("REPORTS_ADMIN_PASSWORD"))
                .orElseThrow();
        Report report = dailyReportDueLater(admin);
        UUID runId = runs.runs(admin, report.id()).get(0).id();
        Instant later = Instant.now().plusSeconds(3 * 86_400);
        Claim stale = ledger.claim(
                        new Claimable(runId, 0), "paused-server", later.minusSeconds(86_400), later.minusSeconds(1))
                .orElseThrow();
        return new PausedRun(admin, report, stale, later);
    }

    /** A live server's claim of the paused run, at {@code later}; empty if it did not get it. */
    private Optional<Claim> claimByALiveServer(PausedRun run) {
        return ledger.claim(
                new Claimable(run.runId(), run.stale().attempt()),
                "live-server",
                run.later(),
                run.later().plusSeconds(3600));
    }

    private void resumeAfterClaiming(Moment moment) throws Exception {
        PausedRun run = pausedRun();
        Claim current = claimByALiveServer(run).orElseThrow();

        String output = runCurrentAttempt(current, run.later(), moment, () -> worker.execute(run.stale()));

        assertComplete(run.admin(), run.report(), output);
        reports.delete(run.admin(), run.report().id(), 1);
    }

    private void resumeAfterPlanning(Moment moment) throws Exception {
        PausedRun run = pausedRun();
        PreparedAttempt paused =
                generator.prepare(run.stale(), planner.job(run.stale()).orElseThrow());
        Claim current = claimByALiveServer(run).orElseThrow();

        String output = runCurrentAttempt(current, run.later(), moment, () -> {
            try (paused) {
                assertThatThrownBy(() -> paused.write(() -> {})).isInstanceOf(LostClaimException.class);
            }
            assertThat(ledger.complete(run.stale(), Map.of(), run.later())).isFalse();
        });

        assertComplete(run.admin(), run.report(), output);
        reports.delete(run.admin(), run.report().id(), 1);
    }

    /** The new attempt, from planning to its saved output, with the stale worker resuming at {@code moment}. */
    private String runCurrentAttempt(Claim current, Instant later, Moment moment, ThrowingRunnable staleWorker)
            throws Exception {
        RunJob job = planner.job(current).orElseThrow();
        Map<UUID, OutputSize> sizes;
        try (PreparedAttempt attempt = generator.prepare(current, job)) {
            if (moment == Moment.NEW_ATTEMPT_PLANNED) {
                staleWorker.run();
            }
            AtomicBoolean resumed = new AtomicBoolean();
            sizes = attempt.write(() -> {
                if (moment == Moment.NEW_ATTEMPT_WRITING && resumed.compareAndSet(false, true)) {
                    try {
                        staleWorker.run();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            assertThat(moment != Moment.NEW_ATTEMPT_WRITING || resumed.get()).isTrue();
        }
        if (moment == Moment.NEW_ATTEMPT_FINISHING) {
            staleWorker.run();
        }
        assertThat(ledger.complete(current, sizes, later)).isTrue();
        UUID storedId = sizes.keySet().iterator().next();
        assertThat(chunkAttempts(storedId)).containsOnly(current.attempt());
        assertThat(WorkTable.rows(dataSource, current.runId())).isZero();
        return storedId.toString();
    }

    private void assertComplete(Actor admin, Report report, String storedId) throws Exception {
        assertThat(runs.runs(admin, report.id()).get(0).status()).isEqualTo(RunStatus.SAVED);
        StoredReport stored = runs.stored(admin, report.id()).get(0);
        assertThat(stored.id().toString()).isEqualTo(storedId);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        runs.content(admin, report.id(), stored.id()).writeDecompressed(content);
        List<String> lines = content.toString(StandardCharsets.UTF_8).lines().toList();
        // The header, then a line per customer, usage and day: none missing, none twice.
        assertThat(lines).hasSize(1 + CUSTOMERS * USAGES.length * DAYS).doesNotHaveDuplicates();
    }

    /** A usage_daily report of a partner with customers that have readings, due in two days: it waits, queued. */
    private Report dailyReportDueLater(Actor admin) {
        UUID root = admin.grants().get(0).tenantId();
        Tenant partner = tenants.create(admin, Tenant.partner("stale-worker partner", root));
        List<IndexedRow> readings = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            UUID customer = tenants.create(admin, Tenant.customer("customer " + i, partner.id()))
                    .id();
            for (String usage : USAGES) {
                readings.add(IndexedRow.of(
                        readings.size(),
                        new UsageReading(
                                customer, usage, null, null, 100L + i, Instant.parse("2026-01-01T12:00:00Z"))));
            }
        }
        ingestion.ingest(admin, readings.iterator());
        return reports.create(
                admin,
                Report.builder()
                        .resultAction(ResultAction.SAVE)
                        .parameters(ReportParameters.builder()
                                .tenantId(partner.id())
                                .level(ReportLevel.ALL_CUSTOMERS)
                                .kind(ReportKind.USAGE_DAILY)
                                .formats(List.of(ReportFormat.CSV_V2_0))
                                .period(new Period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-0" + DAYS)))
                                .build())
                        .schedule(Schedule.once())
                        .generationDate(LocalDate.now(ZoneOffset.UTC).plusDays(2))
                        .build());
    }

    private List<Integer> chunkAttempts(UUID storedId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT attempt FROM stored_report_chunk WHERE stored_id = ?")) {
            s.setObject(1, storedId);
            List<Integer> attempts = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    attempts.add(rs.getInt(1));
                }
            }
            return attempts;
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
