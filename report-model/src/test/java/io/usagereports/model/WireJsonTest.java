package io.usagereports.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.model.common.WireJson;
import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ReportRevision;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.reports.ScheduleType;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WireJsonTest {

    private final Jsonb jsonb = JsonbBuilder.create(WireJson.config());

    private final Report seed = new Report(
            UUID.fromString("20dffb36-d77b-45c6-b2fa-39276e98d5fc"), 1, ResultAction.SEND,
            List.of(UUID.fromString("ca451758-b48a-45d9-9ae6-8f1059f67619")),
            new ReportParameters(UUID.fromString("ede9f834-70b3-476c-83d9-736f9f8c7dae"),
                    ReportLevel.ACCOUNTS, ReportKind.USAGE_SUMMARY,
                    List.of(ReportFormat.CSV, ReportFormat.HTML),
                    new Period(LocalDate.parse("2017-05-01"), LocalDate.parse("2017-05-07")), false, false),
            new Schedule(ScheduleType.ONCE, true), LocalDate.parse("2017-05-08"));

    @Test
    void writesSnakeCaseWireNamesOnOneLineInLexicographicOrder() {
        String json = jsonb.toJson(seed);

        assertThat(json).isEqualTo("{\"generation_date\":\"2017-05-08\",\"id\":\"20dffb36-d77b-45c6-b2fa-39276e98d5fc\","
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
        Report monthly = new Report(null, null, ResultAction.SAVE, null,
                new ReportParameters(null, null, ReportKind.USAGE_DAILY, null, null, null, null),
                new Schedule(ScheduleType.MONTHLY, null), null);

        assertThat(jsonb.toJson(monthly)).isEqualTo(
                "{\"parameters\":{\"kind\":\"usage_daily\"},\"result_action\":\"save\",\"schedule\":{\"type\":\"monthly\"}}");
    }

    @Test
    void writesTimestampsInUtcWithExplicitOffsetAndWholeSeconds() {
        ReportRevision revision = new ReportRevision(2, Instant.parse("2026-05-08T07:36:57.123456Z"), null, null);

        assertThat(jsonb.toJson(revision)).isEqualTo("{\"changed_at\":\"2026-05-08T07:36:57+00:00\",\"version\":2}");
        assertThat(jsonb.fromJson("{\"changed_at\":\"2026-05-08T09:36:57+02:00\",\"version\":2}", ReportRevision.class)
                .changedAt()).isEqualTo(Instant.parse("2026-05-08T07:36:57Z"));
    }
}
