package io.usagereports.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.model.directory.ApiClient;
import io.usagereports.model.directory.Contact;
import io.usagereports.model.directory.Tenant;
import io.usagereports.model.directory.TenantKind;
import io.usagereports.model.directory.User;
import io.usagereports.model.directory.UserUpdate;
import io.usagereports.model.json.WireJson;
import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ReportRevision;
import io.usagereports.model.reports.ReportUpdate;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.reports.ScheduleType;
import io.usagereports.model.reports.Weekday;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WireJsonTest {

    private static final UUID TENANT = UUID.fromString("ede9f834-70b3-476c-83d9-736f9f8c7dae");

    private final Jsonb jsonb = JsonbBuilder.create(WireJson.config());

    private final Report seed = new Report(
            UUID.fromString("20dffb36-d77b-45c6-b2fa-39276e98d5fc"),
            1,
            ResultAction.SEND,
            List.of(UUID.fromString("ca451758-b48a-45d9-9ae6-8f1059f67619")),
            new ReportParameters(
                    UUID.fromString("ede9f834-70b3-476c-83d9-736f9f8c7dae"),
                    ReportLevel.ACCOUNTS,
                    ReportKind.USAGE_SUMMARY,
                    List.of(ReportFormat.CSV, ReportFormat.HTML),
                    new Period(LocalDate.parse("2017-05-01"), LocalDate.parse("2017-05-07")),
                    false,
                    false),
            new Schedule(ScheduleType.ONCE, true),
            LocalDate.parse("2017-05-08"));

    @Test
    void writesSnakeCaseWireNamesOnOneLineInLexicographicOrder() {
        String json = jsonb.toJson(seed);

        assertThat(json)
                .isEqualTo("{\"generation_date\":\"2017-05-08\",\"id\":\"20dffb36-d77b-45c6-b2fa-39276e98d5fc\","
                        + "\"parameters\":{\"formats\":[\"csv\",\"html\"],\"hide_zero_usage\":false,\"kind\":\"usage_summary\","
                        + "\"level\":\"accounts\",\"period\":{\"end\":\"2017-05-07\",\"start\":\"2017-05-01\"},"
                        + "\"show_skus\":false,\"tenant_id\":\"ede9f834-70b3-476c-83d9-736f9f8c7dae\"},"
                        + "\"recipients\":[\"ca451758-b48a-45d9-9ae6-8f1059f67619\"],\"result_action\":\"send\","
                        + "\"schedule\":{\"enabled\":true,\"type\":\"once\"},\"version\":1}");
    }

    @Test
    void readsBackWhatItWrites() {
        assertThat(jsonb.fromJson(jsonb.toJson(seed), Report.class)).isEqualTo(seed);
    }

    @Test
    void leavesAbsentFieldsOut() {
        Report monthly = Report.builder()
                .resultAction(ResultAction.SAVE)
                .parameters(
                        ReportParameters.builder().kind(ReportKind.USAGE_DAILY).build())
                .schedule(Schedule.monthly())
                .build();

        assertThat(jsonb.toJson(monthly))
                .isEqualTo(
                        "{\"parameters\":{\"kind\":\"usage_daily\"},\"result_action\":\"save\",\"schedule\":{\"type\":\"monthly\"}}");
    }

    @Test
    void buildersAndFactoriesLeaveWhatTheyAreNotGivenAbsent() {
        assertThat(Report.builder().build()).isEqualTo(new Report(null, null, null, null, null, null, null, null));
        assertThat(seed.toBuilder().build()).isEqualTo(seed);
        assertThat(ReportParameters.builder().build())
                .isEqualTo(new ReportParameters(null, null, null, null, null, null, null, null));
        assertThat(seed.parameters().toBuilder().build()).isEqualTo(seed.parameters());
        assertThat(Schedule.monthly()).isEqualTo(new Schedule(ScheduleType.MONTHLY, null, null, null, null, null));
        assertThat(Schedule.weekly()
                        .withEnabled(false)
                        .withTime(LocalTime.NOON)
                        .withDayOfMonth(3)
                        .withDayOfWeek(Weekday.FRIDAY)
                        .withTimezone("Europe/Berlin"))
                .isEqualTo(
                        new Schedule(ScheduleType.WEEKLY, false, LocalTime.NOON, 3, Weekday.FRIDAY, "Europe/Berlin"));
        assertThat(Tenant.customer("Acme", TENANT))
                .isEqualTo(new Tenant(null, null, "Acme", TenantKind.CUSTOMER, TENANT));
        assertThat(User.of(TENANT, "ann", Contact.ofEmail("ann@example.com")))
                .isEqualTo(new User(null, null, TENANT, "ann", new Contact("ann@example.com", null, null)))
                .isEqualTo(new User(null, null, TENANT, "ann", new Contact("ann@example.com", null, null), null));
        assertThat(User.of(TENANT, "ann", Contact.ofEmail("ann@example.com")).withEnabled(false))
                .isEqualTo(new User(null, null, TENANT, "ann", Contact.ofEmail("ann@example.com"), false));
        assertThat(UserUpdate.enabled(false)).isEqualTo(new UserUpdate(false, null));
        assertThat(UserUpdate.enabled(true, 3)).isEqualTo(new UserUpdate(true, 3));
        assertThat(ApiClient.forTenant(TENANT, "ci"))
                .isEqualTo(new ApiClient(
                        null, null, TENANT, ApiClient.TYPE, ApiClient.AUTH_METHOD, new ApiClient.Data("ci"), null));

        assertThat(jsonb.toJson(seed.toBuilder().build())).isEqualTo(jsonb.toJson(seed));
        assertThat(jsonb.toJson(Schedule.daily().withTime(LocalTime.of(6, 15))))
                .isEqualTo("{\"time\":\"06:15\",\"type\":\"daily\"}");
        assertThat(jsonb.toJson(User.of(TENANT, "ann", Contact.ofEmail("a@example.com"))))
                .as("enabled is left out of a request that does not set it")
                .doesNotContain("enabled");
        assertThat(jsonb.fromJson(
                        "{\"id\":\"" + TENANT + "\",\"version\":2,\"login\":\"ann\",\"enabled\":false}", User.class))
                .isEqualTo(new User(TENANT, 2, null, "ann", null, false));
        assertThat(jsonb.toJson(UserUpdate.enabled(false))).isEqualTo("{\"enabled\":false}");
        assertThat(jsonb.toJson(Tenant.partner("P", TENANT)))
                .isEqualTo("{\"kind\":\"partner\",\"name\":\"P\",\"parent_id\":\"" + TENANT + "\"}");
    }

    @Test
    void anUpdateSendsOnlyThePartsItChanges() {
        assertThat(jsonb.toJson(ReportUpdate.empty())).isEqualTo("{}");
        assertThat(ReportUpdate.builder().build()).isEqualTo(ReportUpdate.empty());
        assertThat(jsonb.toJson(
                        ReportUpdate.builder().kind(ReportKind.USAGE_SUMMARY).build()))
                .isEqualTo("{\"parameters\":{\"kind\":\"usage_summary\"}}");
        assertThat(jsonb.toJson(ReportUpdate.builder().enabled(false).build()))
                .isEqualTo("{\"schedule\":{\"enabled\":false}}");
        assertThat(ReportUpdate.builder()
                        .recipients(List.of(TENANT))
                        .level(ReportLevel.ITSELF)
                        .showSkus(true)
                        .time(LocalTime.NOON)
                        .dayOfMonth(2)
                        .dayOfWeek(Weekday.MONDAY)
                        .timezone("UTC")
                        .build())
                .isEqualTo(new ReportUpdate(
                        List.of(TENANT),
                        new ReportUpdate.Parameters(ReportLevel.ITSELF, null, null, true),
                        new ReportUpdate.ScheduleChange(null, LocalTime.NOON, 2, Weekday.MONDAY, "UTC")));
    }

    @Test
    void writesTimestampsInUtcWithExplicitOffsetAndWholeSeconds() {
        ReportRevision revision = new ReportRevision(2, Instant.parse("2026-05-08T07:36:57.123456Z"), null, null);

        assertThat(jsonb.toJson(revision)).isEqualTo("{\"changed_at\":\"2026-05-08T07:36:57+00:00\",\"version\":2}");
        assertThat(jsonb.fromJson("{\"changed_at\":\"2026-05-08T09:36:57+02:00\",\"version\":2}", ReportRevision.class)
                        .changedAt())
                .isEqualTo(Instant.parse("2026-05-08T07:36:57Z"));
    }
}
