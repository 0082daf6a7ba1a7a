package io.usagereports.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.client.StubServer.Request;
import io.usagereports.model.directory.Tenant;
import io.usagereports.model.directory.TenantKind;
import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportPage;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.reports.ScheduleType;
import io.usagereports.model.usage.IngestionResult;
import io.usagereports.model.usage.UsageBatch;
import io.usagereports.model.usage.UsageReading;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bodies and query parameters in the API's wire form, both ways. */
class WireJsonTest {

    private static final UUID TENANT = UUID.fromString("5a0c3c53-6a7e-4e0b-8f5d-2c9f0d7b6a11");
    private static final UUID USER_1 = UUID.fromString("9d1b7a0e-3f4c-4b6a-8e2d-1c0f5a6b7c22");
    private static final UUID USER_2 = UUID.fromString("1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a33");
    private static final UUID REPORT = UUID.fromString("0b8f4f0e-2a8c-4c8e-9a39-5f3a4c1d2e01");

    private StubServer server;
    private Credentials credentials;
    private AutoCloseable proxy;

    @BeforeEach
    void start() throws Exception {
        server = new StubServer();
        credentials = Credentials.login("alice", "secret");
    }

    @AfterEach
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        server.close();
    }

    @Test
    void aNewReportIsSentAsCompactSnakeCaseJsonWithoutAbsentFields() {
        server.onJson("POST", "/api/2/reports", 200, REPORT_JSON);
        ReportsApi reports = reports();

        reports.createReport(Report.builder()
                .resultAction(ResultAction.SEND)
                .recipients(List.of(USER_1, USER_2))
                .parameters(ReportParameters.builder()
                        .tenantId(TENANT)
                        .level(ReportLevel.ACCOUNTS)
                        .kind(ReportKind.USAGE_SUMMARY)
                        .formats(List.of(ReportFormat.CSV, ReportFormat.HTML))
                        .period(new Period(LocalDate.of(2017, 5, 1), LocalDate.of(2017, 5, 7)))
                        .build())
                .schedule(Schedule.once())
                .generationDate(LocalDate.of(2017, 5, 8))
                .build());

        Request request = server.requests("POST", "/api/2/reports").get(0);
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.body()).doesNotContainPattern("\\s").doesNotContain("null");
        assertThat(json(request.body())).isEqualTo(json("""
                {"recipients": ["9d1b7a0e-3f4c-4b6a-8e2d-1c0f5a6b7c22", "1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a33"],
                 "parameters": {"kind": "usage_summary", "tenant_id": "5a0c3c53-6a7e-4e0b-8f5d-2c9f0d7b6a11",
                                "level": "accounts", "period": {"start": "2017-05-01", "end": "2017-05-07"},
                                "formats": ["csv", "html"]},
                 "schedule": {"type": "once"}, "generation_date": "2017-05-08", "result_action": "send"}"""));
    }

    @Test
    void aNewTenantIsSentAsCompactSnakeCaseJson() {
        server.onJson("POST", "/api/2/tenants", 200, """
                {"id":"%s","version":1,"name":"Acme","kind":"customer",\
                "parent_id":"00000000-0000-0000-0000-000000000001"}""".formatted(TENANT));
        DirectoryApi directory = ReportsClient.directory(server.base(), credentials);
        proxy = (AutoCloseable) directory;

        Tenant created = directory.createTenant(
                Tenant.customer("Acme", UUID.fromString("00000000-0000-0000-0000-000000000001")));

        String body = server.requests("POST", "/api/2/tenants").get(0).body();
        assertThat(body).doesNotContainPattern("\\s");
        assertThat(json(body))
                .isEqualTo(
                        json(
                                "{\"name\":\"Acme\",\"kind\":\"customer\",\"parent_id\":\"00000000-0000-0000-0000-000000000001\"}"));
        assertThat(created)
                .isEqualTo(new Tenant(
                        TENANT,
                        1,
                        "Acme",
                        TenantKind.CUSTOMER,
                        UUID.fromString("00000000-0000-0000-0000-000000000001")));
    }

    @Test
    void readingsAreSentWithWholeSecondTimestampsInUtcWithAnExplicitOffset() {
        server.onJson("POST", "/api/2/usages", 200, "{\"received\":1}");
        UsageApi usage = ReportsClient.usage(server.base(), credentials);
        proxy = (AutoCloseable) usage;

        IngestionResult result = usage.ingest(new UsageBatch(List.of(
                new UsageReading(TENANT, "storage", null, null, 42L, Instant.parse("2026-05-08T07:36:57.123456Z")))));

        assertThat(result.received()).isEqualTo(1);
        assertThat(json(server.requests("POST", "/api/2/usages").get(0).body())).isEqualTo(json("""
                {"items":[{"tenant_id":"5a0c3c53-6a7e-4e0b-8f5d-2c9f0d7b6a11","usage_name":"storage",\
                "value":42,"measured_at":"2026-05-08T07:36:57+00:00"}]}"""));
    }

    @Test
    void aReportWithFieldsThisClientDoesNotKnowIsStillRead() {
        server.onJson("GET", "/api/2/reports/" + REPORT, 200, """
                {"id":"0b8f4f0e-2a8c-4c8e-9a39-5f3a4c1d2e01","version":2,"result_action":"save",\
                "recipients":[],"owner":{"name":"someone","tags":["a",1,null]},"priority":7,\
                "parameters":{"tenant_id":"5a0c3c53-6a7e-4e0b-8f5d-2c9f0d7b6a11","level":"itself",\
                "kind":"usage_daily","formats":["csv"],"hide_zero_usage":true,"show_skus":false,\
                "timezone":"Europe/Berlin","sampling":"hourly"},\
                "schedule":{"type":"monthly","enabled":true,"time":"06:30","day_of_month":1,\
                "timezone":"Europe/Berlin","jitter_seconds":30},\
                "next_run_at":"2026-06-01T04:30:00+00:00","created_by":"alice"}""");
        ReportsApi reports = reports();

        Report report = reports.getReport(REPORT);

        assertThat(report.id()).isEqualTo(REPORT);
        assertThat(report.version()).isEqualTo(2);
        assertThat(report.resultAction()).isEqualTo(ResultAction.SAVE);
        assertThat(report.parameters().kind()).isEqualTo(ReportKind.USAGE_DAILY);
        assertThat(report.parameters().level()).isEqualTo(ReportLevel.ITSELF);
        assertThat(report.parameters().hideZeroUsage()).isTrue();
        assertThat(report.parameters().timezone()).isEqualTo("Europe/Berlin");
        assertThat(report.schedule().type()).isEqualTo(ScheduleType.MONTHLY);
        assertThat(report.schedule().dayOfMonth()).isEqualTo(1);
        assertThat(report.schedule().time()).hasToString("06:30");
        assertThat(report.nextRunAt()).isEqualTo(Instant.parse("2026-06-01T04:30:00Z"));
    }

    @Test
    void enumFiltersAreSentUnderTheirWireNamesAndAbsentOnesAreLeftOut() {
        server.onJson("GET", "/api/2/reports", 200, "{\"items\":[],\"paging\":{\"cursors\":{}}}");
        ReportsApi reports = reports();

        ReportPage page =
                reports.listReports(null, ReportKind.USAGE_DAILY, ResultAction.SAVE, ScheduleType.MONTHLY, 10, null);

        assertThat(page.items()).isEmpty();
        assertThat(page.paging().cursors().after()).isNull();
        String query = server.requests("GET", "/api/2/reports").get(0).query();
        assertThat(query.split("&"))
                .containsExactlyInAnyOrder(
                        "kind=usage_daily", "result_action=save", "schedule_type=monthly", "limit=10");
    }

    private ReportsApi reports() {
        ReportsApi reports = ReportsClient.reports(server.base(), credentials);
        proxy = (AutoCloseable) reports;
        return reports;
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static final String REPORT_JSON = """
            {"id":"0b8f4f0e-2a8c-4c8e-9a39-5f3a4c1d2e01","version":1,"result_action":"send",\
            "recipients":["9d1b7a0e-3f4c-4b6a-8e2d-1c0f5a6b7c22"],\
            "parameters":{"tenant_id":"5a0c3c53-6a7e-4e0b-8f5d-2c9f0d7b6a11","level":"accounts",\
            "kind":"usage_summary","formats":["csv"],"period":{"start":"2017-05-01","end":"2017-05-07"}},\
            "schedule":{"type":"once","enabled":true},"generation_date":"2017-05-08"}""";
}
