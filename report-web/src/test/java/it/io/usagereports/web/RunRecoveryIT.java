package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.model.directory.Tenant;
import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.runs.ReportRun;
import io.usagereports.model.runs.RunStatus;
import io.usagereports.model.runs.StoredReport;
import io.usagereports.model.runs.StoredStatus;
import io.usagereports.service.directory.TenantService;
import io.usagereports.service.directory.UserService;
import io.usagereports.service.reports.ReportService;
import io.usagereports.service.runs.OutputSize;
import io.usagereports.service.runs.RunClaims;
import io.usagereports.service.runs.RunClaims.Claim;
import io.usagereports.service.runs.RunClaims.Claimable;
import io.usagereports.service.runs.RunPlanner;
import io.usagereports.service.runs.RunRetention;
import io.usagereports.service.runs.RunService;
import io.usagereports.service.security.Actor;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exactly-once execution inside the server, with its real pollers: a due run is claimed by one
 * worker however many try at once, and a run whose worker died mid-way is redone by another,
 * leaving one complete output and nothing of the dead attempt.
 */
@ExtendWith(ArquillianExtension.class)
class RunRecoveryIT {

    @Deployment
    static WebArchive deployment() {
        return InServer.deployment("run-recovery-it", RunRecoveryIT.class);
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
    RunRetention retention;

    @Inject
    TenantService tenants;

    @Inject
    UserService users;

    @Resource(lookup = "jdbc/reports")
    DataSource dataSource;

    private Actor admin() {
        return users.authenticate("admin", System.getenv("REPORTS_ADMIN_PASSWORD"))
                .orElseThrow();
    }

    /** A once report of a new customer, due in two days: its run waits, queued, for this test. */
    private Report reportDueLater(Actor admin) {
        UUID root = admin.grants().get(0).tenantId();
        Tenant partner = tenants.create(admin, Tenant.partner("recovery partner", root));
        Tenant customer = tenants.create(admin, Tenant.customer("recovery customer", partner.id()));
        return reports.create(
                admin,
                Report.builder()
                        .resultAction(ResultAction.SAVE)
                        .parameters(ReportParameters.builder()
                                .tenantId(customer.id())
                                .level(ReportLevel.ITSELF)
                                .kind(ReportKind.USAGE_SUMMARY)
                                .formats(List.of(ReportFormat.CSV_V2_0))
                                .period(new Period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31")))
                                .build())
                        .schedule(Schedule.once())
                        .generationDate(LocalDate.now(ZoneOffset.UTC).plusDays(2))
                        .build());
    }

    @Test
    void aDueRunIsClaimedByExactlyOneOfManyWorkers() throws Exception {
        Actor admin = admin();
        Report report = reportDueLater(admin);
        UUID runId = runs.runs(admin, report.id()).get(0).id();
        // "Now" for these workers is after the due date; for the server's own pollers it is not yet due.
        Instant later = Instant.now().plusSeconds(3 * 86_400);
        int workers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Optional<Claim>>> claims = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                String owner = "test-worker-" + i;
                Callable<Optional<Claim>> claim = () -> {
                    start.await();
                    return ledger.claim(new Claimable(runId, 0), owner, later, later.plusSeconds(600));
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            List<Claim> won = new ArrayList<>();
            for (Future<Optional<Claim>> claim : claims) {
                claim.get().ifPresent(won::add);
            }
            assertThat(won).containsExactly(new Claim(runId, 1));
        } finally {
            pool.shutdownNow();
        }
        assertThat(runs.runs(admin, report.id()).get(0).status()).isEqualTo(RunStatus.RUNNING);
        reports.delete(admin, report.id(), 1);
    }

    @Test
    void aRunWhoseServerDiedIsRedoneOnceWithoutTraceOfTheDeadAttempt() throws Exception {
        Actor admin = admin();
        Report report = reportDueLater(admin);
        UUID runId = runs.runs(admin, report.id()).get(0).id();

        // A worker claims the run, prepares it and writes half a chunk, then "dies": its lease runs out.
        Instant later = Instant.now().plusSeconds(3 * 86_400);
        Claim dead = ledger.claim(
                        new Claimable(runId, 0),
                        "dead-server",
                        later,
                        Instant.now().plusSeconds(2))
                .orElseThrow();
        assertThat(planner.job(dead).isPresent()).isTrue();
        UUID storedId = runs.stored(admin, report.id()).get(0).id();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO stored_report_chunk (stored_id, attempt, seq, data) VALUES (?, ?, 0, ?)")) {
            s.setObject(1, storedId);
            s.setInt(2, dead.attempt());
            s.setBytes(3, new byte[] {31, -117, 8, 0});
            s.executeUpdate();
        }
        assertThat(runs.stored(admin, report.id()))
                .extracting(StoredReport::status)
                .containsExactly(StoredStatus.IN_PROGRESS);

        // A poller of a live server finds the expired lease and redoes the run.
        long deadline = System.nanoTime() + 60_000_000_000L;
        ReportRun run = runs.runs(admin, report.id()).get(0);
        while (run.status() != RunStatus.SAVED && System.nanoTime() < deadline) {
            Thread.sleep(200);
            run = runs.runs(admin, report.id()).get(0);
        }
        assertThat(run.status()).isEqualTo(RunStatus.SAVED);
        assertThat(run.attempts()).isEqualTo(2);
        assertThat(runs.runs(admin, report.id())).hasSize(1);
        List<StoredReport> stored = runs.stored(admin, report.id());
        assertThat(stored).extracting(StoredReport::id).containsExactly(storedId);
        assertThat(stored.get(0).status()).isEqualTo(StoredStatus.SAVED);
        assertThat(chunkAttempts(storedId)).containsOnly(2);

        ByteArrayOutputStream content = new ByteArrayOutputStream();
        runs.content(admin, report.id(), storedId).writeDecompressed(content);
        // The customer has no usage: the complete file is the header line (a whole gzip stream).
        assertThat(content.toString(StandardCharsets.UTF_8))
                .isEqualTo(
                        "tenant_id,tenant_name,tenant_kind,parent_id,"
                                + "user_id,usage_name,edition,measurement_unit,sku,date,value,start_value,end_value,delta,change\r\n");

        // The dead worker wakes up and tries to finish: it no longer holds the run, so nothing changes.
        assertThat(ledger.complete(dead, Map.of(storedId, new OutputSize(4, 0)), Instant.now()))
                .isFalse();
        assertThat(runs.stored(admin, report.id()).get(0).size())
                .isEqualTo(stored.get(0).size());
        reports.delete(admin, report.id(), 1);
    }

    /**
     * The work table has no foreign key to the runs: the rows a dead attempt staged for a run
     * deleted since are swept at the next poll, and a live run's rows are left alone.
     */
    @Test
    void workRowsOfADeletedRunAreSweptAndALiveRunsAreKept() throws Exception {
        Actor admin = admin();
        Report deleted = reportDueLater(admin);
        Report live = reportDueLater(admin);
        UUID deletedRun = runs.runs(admin, deleted.id()).get(0).id();
        UUID liveRun = runs.runs(admin, live.id()).get(0).id();
        stageWorkRow(deletedRun);
        stageWorkRow(liveRun);

        reports.delete(admin, deleted.id(), 1);
        retention.deleteWorkOfDeletedRuns();

        assertThat(WorkTable.rows(dataSource, deletedRun)).isZero();
        assertThat(WorkTable.rows(dataSource, liveRun)).isEqualTo(1);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM report_run_member WHERE run_id = ?")) {
            s.setObject(1, liveRun);
            s.executeUpdate();
        }
        reports.delete(admin, live.id(), 1);
    }

    /** A row as an attempt (number 1) of {@code runId} stages it, of a tenant of no consequence. */
    private void stageWorkRow(UUID runId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO report_run_member"
                        + " (run_id, attempt, row_no, depth, tenant_id, user_id) VALUES (?, 1, 0, 0, ?, ?)")) {
            s.setObject(1, runId);
            s.setObject(2, UUID.randomUUID());
            s.setObject(3, new UUID(0, 0));
            s.executeUpdate();
        }
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

    @Test
    void retentionDeletesOldRunsWithTheirOutputsButKeepsEachReportsLatestOutputAndRunsWaiting() throws Exception {
        Actor admin = admin();
        Report waiting = reportDueLater(admin); // its run waits, queued: never deleted
        Report report = reports.create(
                admin,
                waiting.toBuilder()
                        .id(null)
                        .version(null)
                        .nextRunAt(null)
                        .generationDate(null)
                        .build());
        UUID first = awaitSaved(
                admin, report.id(), runs.runs(admin, report.id()).get(0).id());
        UUID second = awaitSaved(
                admin, report.id(), runs.runNow(admin, report.id(), null).id());
        UUID queued = runs.runs(admin, waiting.id()).get(0).id();
        Instant now = Instant.now();

        // 89 days on: kept (the retention is 90 days by default). Other tests' old runs may go, in batches.
        while (retention.deleteExpired(now.plus(java.time.Duration.ofDays(89))) > 0) {}
        assertThat(runs.runs(admin, report.id())).extracting(ReportRun::id).containsExactlyInAnyOrder(first, second);

        // 91 days on: the older run goes with its stored report and content; the latest saved one stays.
        while (retention.deleteExpired(now.plus(java.time.Duration.ofDays(91))) > 0) {}
        assertThat(runs.runs(admin, report.id())).extracting(ReportRun::id).containsExactly(second);
        assertThat(runs.stored(admin, report.id())).singleElement().returns(StoredStatus.SAVED, StoredReport::status);
        assertThat(runs.runs(admin, waiting.id())).extracting(ReportRun::id).containsExactly(queued);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM stored_report_chunk k"
                        + " JOIN stored_report r ON r.id = k.stored_id WHERE r.run_id = ?")) {
            s.setObject(1, first);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("the deleted run's content").isZero();
            }
        }
    }

    /** Waits until the server's own worker saved the run; returns its ID. */
    private UUID awaitSaved(Actor admin, UUID reportId, UUID runId) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Optional<ReportRun> run = runs.runs(admin, reportId).stream()
                    .filter(r -> r.id().equals(runId))
                    .findFirst();
            if (run.isPresent() && run.get().status() == RunStatus.SAVED) {
                return runId;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Run " + runId + " was not saved within 30 s");
    }
}
