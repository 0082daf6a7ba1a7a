package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.client.ApiErrorException;
import io.usagereports.model.common.ErrorCodes;
import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.runs.ReportRun;
import io.usagereports.model.runs.RunRequest;
import io.usagereports.model.runs.RunStatus;
import io.usagereports.model.runs.RunTrigger;
import io.usagereports.model.runs.StoredReport;
import io.usagereports.model.runs.StoredStatus;
import io.usagereports.model.usage.UsageBatch;
import io.usagereports.model.usage.UsageReading;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs and stored reports (docs/api.md §5) over HTTP, through report-client: what a script polling
 * for its report and downloading it relies on.
 */
class RunsIT {

    private static final Period PERIOD = new Period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-03"));

    private static Sandbox sandbox;
    private static UUID customer;

    @BeforeAll
    static void data() {
        sandbox = Sandbox.create();
        customer = sandbox.newCustomer();
        sandbox.usage()
                .ingest(new UsageBatch(List.of(
                        new UsageReading(customer, "storage", null, null, 1000L, Instant.parse("2026-03-01T10:00:00Z")),
                        new UsageReading(
                                customer, "storage", null, null, 3000L, Instant.parse("2026-03-03T10:00:00Z")))));
    }

    private static Report once(ReportKind kind, List<ReportFormat> formats, LocalDate generationDate) {
        return once(customer, kind, formats, generationDate);
    }

    private static Report once(UUID tenant, ReportKind kind, List<ReportFormat> formats, LocalDate generationDate) {
        return Report.builder()
                .resultAction(ResultAction.SAVE)
                .parameters(ReportParameters.builder()
                        .tenantId(tenant)
                        .level(ReportLevel.ITSELF)
                        .kind(kind)
                        .formats(formats)
                        .period(PERIOD)
                        .build())
                .schedule(Schedule.once())
                .generationDate(generationDate)
                .build();
    }

    @Test
    void aOnceReportDueNowHasItsStoredItemsWhenThePostAnswersAndIsSavedSoonAfter() throws Exception {
        Report report = sandbox.reports.createReport(
                once(ReportKind.USAGE_SUMMARY, List.of(ReportFormat.CSV_V2_0, ReportFormat.HTML), null));

        List<StoredReport> first = sandbox.reports.stored(report.id()).items();
        assertThat(first)
                .extracting(StoredReport::reportFormat)
                .containsExactly(ReportFormat.CSV_V2_0, ReportFormat.HTML);

        List<StoredReport> saved = awaitSaved(report.id());
        assertThat(saved)
                .extracting(StoredReport::id)
                .containsExactlyElementsOf(first.stream().map(StoredReport::id).toList());
        assertThat(saved).allSatisfy(s -> assertThat(s.size()).isPositive());

        ReportRun run = sandbox.reports.runs(report.id()).items().get(0);
        assertThat(run.trigger()).isEqualTo(RunTrigger.SCHEDULED);
        assertThat(run.status()).isEqualTo(RunStatus.SAVED);
        assertThat(run.period()).isEqualTo(PERIOD);
        assertThat(run.startedAt()).isNotNull();
        assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
        assertThat(run.failure()).isNull();

        try (InputStream in =
                sandbox.reports.openStored(report.id(), saved.get(0).id())) {
            String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(csv)
                    .isEqualTo("tenant_id,tenant_name,tenant_kind,parent_id,user_id,usage_name,edition,"
                            + "measurement_unit,sku,date,value,start_value,end_value,delta,change\r\n"
                            + customer + "," + name(customer) + ",customer," + sandbox.partner.id()
                            + ",,storage,,quantity,,,,1000,3000,2000,\r\n");
        }
    }

    /**
     * Reports find a tenant's series through the series the server registered at ingestion. A
     * batch that is rolled back after writing its first chunk must not leave its series taken
     * for stored: the same series sent again later has to be registered and reported.
     */
    @Test
    void aSeriesFirstSentInARejectedBatchIsReportedOnceStored() throws Exception {
        UUID tenant = sandbox.newCustomer();
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        List<UsageReading> rejected = new java.util.ArrayList<>();
        for (int i = 0; i <= 1000; i++) { // more than one written chunk before the bad row
            rejected.add(new UsageReading(tenant, "backup", null, null, (long) i, start.plusSeconds(60L * i)));
        }
        rejected.add(new UsageReading(tenant, "backup", null, null, -1L, start));
        assertThat(failure(() -> sandbox.usage().ingest(new UsageBatch(rejected)))
                        .status())
                .isEqualTo(400);

        sandbox.usage()
                .ingest(new UsageBatch(List.of(
                        new UsageReading(tenant, "backup", null, null, 700L, Instant.parse("2026-03-02T10:00:00Z")))));

        Report report = sandbox.reports.createReport(
                once(tenant, ReportKind.USAGE_SUMMARY, List.of(ReportFormat.CSV_V2_0), null));
        StoredReport stored = awaitSaved(report.id()).get(0);
        try (InputStream in = sandbox.reports.openStored(report.id(), stored.id())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .endsWith("\r\n"
                            + tenant + "," + name(tenant) + ",customer," + sandbox.partner.id()
                            + ",,backup,,quantity,,,,0,700,700,\r\n");
        }
    }

    @Test
    void theDownloadIsGzipWhenAcceptedAndPlainOtherwiseWithAFileName() throws Exception {
        Report report = sandbox.reports.createReport(once(ReportKind.USAGE_DAILY, List.of(ReportFormat.CSV), null));
        StoredReport stored = awaitSaved(report.id()).get(0);
        String path = "/reports/" + report.id() + "/stored/" + stored.id();

        HttpResponse<byte[]> gzip = Api.sendBytes(
                sandbox.request(path).header("Accept-Encoding", "gzip").GET());
        assertThat(gzip.statusCode()).isEqualTo(200);
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(gzip.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"usage_daily_2026-03-01_2026-03-03.csv\"");
        assertThat((long) gzip.body().length).isEqualTo(stored.size());

        HttpResponse<byte[]> plain = Api.sendBytes(
                sandbox.request(path).header("Accept-Encoding", "gzip;q=0, br").GET());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(gunzip(gzip.body()));
        assertThat(new String(plain.body(), StandardCharsets.UTF_8))
                .startsWith("Tenant,Kind,User,Usage,Edition,Unit,Date,Value\r\n")
                .contains(",storage,,quantity,2026-03-02,1000\r\n", ",storage,,quantity,2026-03-03,3000\r\n");
    }

    @Test
    void theClientDownloadsToAFile(@TempDir Path dir) throws Exception {
        Report report =
                sandbox.reports.createReport(once(ReportKind.USAGE_SUMMARY, List.of(ReportFormat.JSON_V2_0), null));
        StoredReport stored = awaitSaved(report.id()).get(0);
        Path file = dir.resolve("report.json");
        long size = sandbox.reports.downloadStored(report.id(), stored.id(), file);
        assertThat(size).isEqualTo(Files.size(file));
        assertThat(Files.readString(file)).startsWith("{\"params\":{\"kind\":5,\"report_type\":5,\"report_level\":0,");
    }

    @Test
    void aReportDueLaterWaitsWithoutStoredItemsAndRunNowGeneratesAPeriodOnDemand() throws Exception {
        Report report = sandbox.reports.createReport(once(
                ReportKind.USAGE_SUMMARY,
                List.of(ReportFormat.CSV_V2_0),
                LocalDate.now(ZoneOffset.UTC).plusDays(3)));
        assertThat(sandbox.reports.stored(report.id()).items()).isEmpty();
        ReportRun waiting = sandbox.reports.runs(report.id()).items().get(0);
        assertThat(waiting.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(waiting.dueAt())
                .isEqualTo(
                        LocalDate.now(ZoneOffset.UTC).plusDays(3).atStartOfDay().toInstant(ZoneOffset.UTC));

        Period backFill = new Period(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-02"));
        ReportRun now = sandbox.reports.runNow(report.id(), new RunRequest(backFill));
        assertThat(now.trigger()).isEqualTo(RunTrigger.ON_DEMAND);
        assertThat(now.period()).isEqualTo(backFill);
        assertThat(sandbox.reports.stored(report.id()).items()).hasSize(1);

        StoredReport stored = awaitSaved(report.id()).get(0);
        try (InputStream in = sandbox.reports.openStored(report.id(), stored.id())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).endsWith(",,,1000,1000,0,\r\n");
        }
        assertThat(sandbox.reports.runs(report.id()).items())
                .extracting(ReportRun::id, ReportRun::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(now.id(), RunStatus.SAVED),
                        org.assertj.core.groups.Tuple.tuple(waiting.id(), RunStatus.QUEUED));
    }

    @Test
    void runNowOfAMonthlyReportCoversThePreviousMonth() {
        Report report = sandbox.reports.createReport(ReportTestData.monthlySave(customer));
        assertThat(sandbox.reports.runs(report.id()).items()).isEmpty();
        ReportRun run = sandbox.reports.runNow(report.id(), null);
        YearMonth previous = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        assertThat(run.period()).isEqualTo(new Period(previous.atDay(1), previous.atEndOfMonth()));
    }

    @Test
    void runNowRefusesBadPeriodsAndUnknownReports() {
        Report report = sandbox.reports.createReport(once(ReportKind.USAGE_SUMMARY, null, null));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ApiErrorException future = failure(
                () -> sandbox.reports.runNow(report.id(), new RunRequest(new Period(today, today.plusDays(1)))));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.field()).isEqualTo("period.end");

        HttpResponse<String> reversed = sandbox.postJson(
                "/reports/" + report.id() + "/runs", "{\"period\":{\"start\":\"2026-03-05\",\"end\":\"2026-03-01\"}}");
        Api.assertError(reversed, 400, ErrorCodes.INVALID_VALUE);
        Api.assertError(
                sandbox.postJson("/reports/" + report.id() + "/runs", "{\"when\":\"now\"}"),
                400,
                ErrorCodes.UNKNOWN_FIELD);
        Api.assertError(sandbox.postJson("/reports/" + UUID.randomUUID() + "/runs", ""), 404, ErrorCodes.NOT_FOUND);
        Api.assertError(
                sandbox.get("/reports/" + report.id() + "/stored/" + UUID.randomUUID()), 404, ErrorCodes.NOT_FOUND);
        Api.assertError(sandbox.get("/reports/" + report.id() + "/stored/not-an-id"), 404, ErrorCodes.NOT_FOUND);
    }

    @Test
    void anotherTenantSeesNeitherRunsNorStoredReports() {
        Report report = sandbox.reports.createReport(once(ReportKind.USAGE_SUMMARY, null, null));
        Sandbox stranger = Sandbox.create();
        Api.assertError(stranger.get("/reports/" + report.id() + "/runs"), 404, ErrorCodes.NOT_FOUND);
        Api.assertError(stranger.get("/reports/" + report.id() + "/stored"), 404, ErrorCodes.NOT_FOUND);
        Api.assertError(stranger.postJson("/reports/" + report.id() + "/runs", ""), 404, ErrorCodes.NOT_FOUND);
    }

    @Test
    void deletingAReportDeletesItsRunsAndStoredReports() throws Exception {
        Report report = sandbox.reports.createReport(once(ReportKind.USAGE_SUMMARY, null, null));
        StoredReport stored = awaitSaved(report.id()).get(0);
        sandbox.reports.deleteReport(report.id(), 1);
        Api.assertError(sandbox.get("/reports/" + report.id() + "/stored/" + stored.id()), 404, ErrorCodes.NOT_FOUND);
        Api.assertError(sandbox.get("/reports/" + report.id() + "/runs"), 404, ErrorCodes.NOT_FOUND);
    }

    private static String name(UUID tenant) {
        return sandbox.directory.getTenant(tenant).name();
    }

    /** Polls as the platform's clients do, until every stored item of the newest run is saved. */
    static List<StoredReport> awaitSaved(UUID reportId) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<StoredReport> items = sandbox.reports.stored(reportId).items();
            assertThat(items).isNotEmpty();
            assertThat(items).noneMatch(s -> s.status() == StoredStatus.FAILED);
            if (items.stream().allMatch(s -> s.status() == StoredStatus.SAVED)) {
                return items;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Report " + reportId + " was not saved within 60 s");
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzip))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static ApiErrorException failure(Runnable call) {
        return (ApiErrorException) org.assertj.core.api.Assertions.catchThrowable(call::run);
    }
}
