package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usagereports.model.directory.Tenant;
import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.usage.UsageReading;
import io.usagereports.service.directory.TenantService;
import io.usagereports.service.directory.UserService;
import io.usagereports.service.generation.GenerationQueries;
import io.usagereports.service.generation.ReadingWindows;
import io.usagereports.service.generation.ReportReadings;
import io.usagereports.service.generation.RowPlan;
import io.usagereports.service.reports.ReportService;
import io.usagereports.service.runs.RunService;
import io.usagereports.service.security.Actor;
import io.usagereports.service.usage.IndexedRow;
import io.usagereports.service.usage.UsageIngestion;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a report reads, on whichever database the server runs (on PostgreSQL through a binary
 * {@code COPY}): for each row, tenant by tenant, each series whole and oldest first, its value at
 * each seek date and its readings of the range's days; nothing of later days, no NULL for a series
 * without a value yet, names exactly as stored; rows in the work table's order however many (on
 * H2, two threads read blocks of tenants in turn). A reader stopped by its consumer leaves the
 * connection usable.
 */
@ExtendWith(ArquillianExtension.class)
class ReportReadingsIT {

    private static final String UNICODE_USAGE = "größe · 容量 ✓";

    @Deployment
    static WebArchive deployment() {
        return InServer.deployment("report-readings-it", ReportReadingsIT.class);
    }

    @Inject
    ReportService reports;

    @Inject
    RunService runs;

    @Inject
    TenantService tenants;

    @Inject
    UserService users;

    @Inject
    UsageIngestion ingestion;

    @Resource(lookup = "jdbc/reportsNonTx")
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    /** One reading as the sink receives it. */
    record Read(int rowNo, UUID tenantId, String usageName, String edition, long epochDay, long amount) {}

    record Series(int rowNo, UUID tenantId, String usageName, String edition) {}

    record Value(LocalDate date, long amount) {}

    @Test
    void aRangeReadsEachSeriesCarryInThenItsDaysInTimeOrder() throws Exception {
        Fixture f = fixture();
        // Daily for June 2–4: the value at the end of June 1 (carry-in), then every reading of those days.
        List<Read> read = read(f, dates("2026-06-02", "2026-06-03", "2026-06-04"));

        assertThat(bySeries(read))
                .isEqualTo(Map.of(
                        new Series(0, f.first, "storage", ""),
                        List.of(
                                value("2026-06-01", 11),
                                value("2026-06-02", 20),
                                value("2026-06-02", 21),
                                value("2026-06-04", 40)),
                        new Series(0, f.first, UNICODE_USAGE, "pro"),
                        List.of(value("2026-06-03", 7)),
                        new Series(1, f.second, "storage", ""),
                        List.of(value("2026-06-01", 5))));
    }

    @Test
    void aRangePlacesEachReadingOnItsDayInTheReportsTimeZone() throws Exception {
        Fixture f = fixture();
        // Berlin is two hours ahead in June: its June 2–4 run from June 1 22:00 to June 4 22:00 UTC.
        List<Read> read = read(f, dates("2026-06-02", "2026-06-03", "2026-06-04"), ZoneId.of("Europe/Berlin"));

        assertThat(bySeries(read))
                .isEqualTo(Map.of(
                        new Series(0, f.first, "storage", ""),
                        List.of(
                                value("2026-06-01", 11),
                                value("2026-06-02", 20),
                                value("2026-06-03", 21),
                                value("2026-06-04", 40)),
                        new Series(0, f.first, UNICODE_USAGE, "pro"),
                        List.of(value("2026-06-03", 7)),
                        new Series(1, f.second, "storage", ""),
                        List.of(value("2026-06-01", 5))));
    }

    @Test
    void seeksGiveEachSeriesItsLatestValueBeforeEachDateAndNothingWhereItHasNone() throws Exception {
        Fixture f = fixture();
        // Summary-like: the values at the end of May 31 and of June 3.
        List<Read> read = read(f, dates("2026-05-31", "2026-06-03"));

        assertThat(bySeries(read))
                .isEqualTo(Map.of(
                        new Series(0, f.first, "storage", ""),
                        List.of(value("2026-05-31", 10), value("2026-06-03", 21)),
                        new Series(0, f.first, UNICODE_USAGE, "pro"),
                        List.of(value("2026-06-03", 7)),
                        new Series(1, f.second, "storage", ""),
                        List.of(value("2026-06-03", 5))));
    }

    @Test
    void aReaderStoppedByItsConsumerLeavesTheConnectionUsable() throws Exception {
        Fixture f = fixture();
        // Stopped at the first reading, then at the first of the second customer (on H2, read by the
        // second reader): either way every thread stops and the connection serves the next statement.
        stopAtFirstReadingOf(f, f.first);
        stopAtFirstReadingOf(f, f.second);
        assertThat(read(f, dates("2026-06-02", "2026-06-03", "2026-06-04"))).hasSize(6);
    }

    @Test
    void manyTenantsComeInTheWorkTablesOrder() throws Exception {
        Actor admin = admin();
        Tenant partner = tenants.create(
                admin,
                Tenant.partner(
                        "many readings " + UUID.randomUUID(),
                        admin.grants().get(0).tenantId()));
        List<UUID> customers = new ArrayList<>();
        List<UsageReading> readings = new ArrayList<>();
        for (int i = 0; i < 41; i++) {
            UUID customer = tenants.create(admin, Tenant.customer("customer " + i, partner.id()))
                    .id();
            customers.add(customer);
            readings.add(reading(customer, "storage", null, i, "2026-06-01T10:00:00Z"));
            readings.add(reading(customer, "storage", null, 1000 + i, "2026-06-02T10:00:00Z"));
        }
        ingest(admin, readings);
        // Row i reads customer i; on H2 the 41 tenants come in blocks read by two threads in turn.
        List<RowPlan.Member> members = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            members.add(new RowPlan.Member(i, 0, customers.get(i), RowPlan.ALL_USERS));
        }
        Fixture f = stage(partner.id(), members, customers.get(0), customers.get(1));

        List<Read> read = read(f, dates("2026-06-01", "2026-06-02"));

        List<Read> expected = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            expected.add(new Read(
                    i,
                    customers.get(i),
                    "storage",
                    "",
                    LocalDate.parse("2026-06-01").toEpochDay(),
                    i));
            expected.add(new Read(
                    i,
                    customers.get(i),
                    "storage",
                    "",
                    LocalDate.parse("2026-06-02").toEpochDay(),
                    1000 + i));
        }
        assertThat(read).containsExactlyElementsOf(expected);
    }

    private void stopAtFirstReadingOf(Fixture f, UUID tenantId) throws Exception {
        ReadingWindows windows = ReadingWindows.of(dates("2026-06-02", "2026-06-03", "2026-06-04"), ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> readings(c)
                            .read(c, f.runId, f.attempt, windows, (row, tenant, usage, edition, user, day, amount) -> {
                                if (tenant.equals(tenantId)) {
                                    throw new IOException("consumer stopped");
                                }
                            }))
                    .isInstanceOf(IOException.class)
                    .hasMessage("consumer stopped");
            c.rollback();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM report_run_member WHERE run_id = '" + f.runId
                            + "' AND attempt = " + f.attempt)) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
            c.rollback();
        }
    }

    private ReportReadings readings(Connection c) throws Exception {
        return ReportReadings.of(c, dataSource::getConnection, executor);
    }

    private Actor admin() {
        return users.authenticate("admin", System.getenv("REPORTS_ADMIN_PASSWORD"))
                .orElseThrow();
    }

    private void ingest(Actor admin, List<UsageReading> readings) {
        List<IndexedRow> rows = new ArrayList<>();
        for (UsageReading r : readings) {
            rows.add(IndexedRow.of(rows.size(), r));
        }
        ingestion.ingest(admin, rows.iterator());
    }

    /**
     * Two customers of a fresh partner, each a row of the work table. The first has a series with
     * history before the range, two readings on one day, a day without readings and a reading after
     * the range, and a second series named in Unicode that starts inside the range; the second
     * customer's series stops before it. Readings arrive out of time order.
     */
    private Fixture fixture() throws Exception {
        Actor admin = admin();
        UUID root = admin.grants().get(0).tenantId();
        Tenant partner = tenants.create(admin, Tenant.partner("readings partner " + UUID.randomUUID(), root));
        UUID first =
                tenants.create(admin, Tenant.customer("first", partner.id())).id();
        UUID second =
                tenants.create(admin, Tenant.customer("second", partner.id())).id();
        ingest(
                admin,
                List.of(
                        reading(first, "storage", null, 40, "2026-06-04T09:00:00Z"),
                        reading(first, "storage", null, 50, "2026-06-05T00:00:00Z"),
                        reading(first, "storage", null, 9, "2026-05-20T10:00:00Z"),
                        reading(first, "storage", null, 21, "2026-06-02T23:59:59Z"),
                        reading(first, "storage", null, 10, "2026-05-31T23:00:00Z"),
                        reading(first, "storage", null, 20, "2026-06-02T00:00:00Z"),
                        reading(first, "storage", null, 11, "2026-06-01T08:00:00Z"),
                        reading(first, UNICODE_USAGE, "pro", 7, "2026-06-03T12:00:00Z"),
                        reading(second, "storage", null, 5, "2026-06-01T12:00:00Z")));
        return stage(
                partner.id(),
                List.of(
                        new RowPlan.Member(0, 0, first, RowPlan.ALL_USERS),
                        new RowPlan.Member(1, 0, second, RowPlan.ALL_USERS)),
                first,
                second);
    }

    /** A run of a report over {@code partner} that no worker makes, with {@code members} in its work table. */
    private Fixture stage(UUID partner, List<RowPlan.Member> members, UUID first, UUID second) throws Exception {
        Report report = reports.create(
                admin(),
                Report.builder()
                        .resultAction(ResultAction.SAVE)
                        .parameters(ReportParameters.builder()
                                .tenantId(partner)
                                .level(ReportLevel.ALL_CUSTOMERS)
                                .kind(ReportKind.USAGE_DAILY)
                                .period(new Period(LocalDate.parse("2026-06-02"), LocalDate.parse("2026-06-04")))
                                .build())
                        .schedule(Schedule.once())
                        .generationDate(LocalDate.now(ZoneOffset.UTC).plusDays(2))
                        .build());
        UUID runId = runs.runs(admin(), report.id()).get(0).id();
        int attempt = 1000; // no worker makes this attempt: the run is due in two days
        try (Connection c = dataSource.getConnection()) {
            GenerationQueries.insertMembers(c, runId, attempt, members);
            GenerationQueries.analyzeMembers(c);
        }
        return new Fixture(runId, attempt, first, second);
    }

    private record Fixture(UUID runId, int attempt, UUID first, UUID second) {}

    private List<Read> read(Fixture f, LocalDate[] dates) throws Exception {
        return read(f, dates, ZoneOffset.UTC);
    }

    private List<Read> read(Fixture f, LocalDate[] dates, ZoneId zone) throws Exception {
        List<Read> read = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            readings(c)
                    .read(
                            c,
                            f.runId,
                            f.attempt,
                            ReadingWindows.of(dates, zone),
                            (row, tenant, usage, edition, user, day, amount) -> {
                                assertThat(user).isEqualTo(RowPlan.ALL_USERS);
                                read.add(new Read(row, tenant, usage, edition, day, amount));
                            });
            c.rollback();
        }
        return read;
    }

    /**
     * The readings by series, in the order received, checking the order the contract promises: rows
     * in order, each series' readings together (the order of a tenant's series is not promised).
     */
    private static Map<Series, List<Value>> bySeries(List<Read> read) {
        Map<Series, List<Value>> series = new LinkedHashMap<>();
        Series current = null;
        for (Read r : read) {
            Series s = new Series(r.rowNo(), r.tenantId(), r.usageName(), r.edition());
            if (!s.equals(current)) {
                assertThat(series).as("each series read once, whole").doesNotContainKey(s);
                assertThat(current == null || current.rowNo() <= s.rowNo())
                        .as("rows in order")
                        .isTrue();
                current = s;
                series.put(s, new ArrayList<>());
            }
            series.get(s).add(new Value(LocalDate.ofEpochDay(r.epochDay()), r.amount()));
        }
        return series;
    }

    private static Value value(String date, long amount) {
        return new Value(LocalDate.parse(date), amount);
    }

    private static UsageReading reading(UUID tenant, String usage, String edition, long value, String at) {
        return new UsageReading(tenant, usage, edition, null, value, Instant.parse(at));
    }

    private static LocalDate[] dates(String... dates) {
        return Arrays.stream(dates).map(LocalDate::parse).toArray(LocalDate[]::new);
    }
}
