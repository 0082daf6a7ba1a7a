package it.io.usagereports.web;

import static it.io.usagereports.web.ApiFailures.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.model.common.ErrorCodes;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ReportUpdate;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.reports.Weekday;
import io.usagereports.model.runs.ReportRun;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Schedules over HTTP: daily, weekly and monthly reports at a local time in their own time zone,
 * echoed with their defaults, validated field by field, changed by PUT, and their next run.
 */
class ScheduleIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Sandbox sandbox;
    private static UUID customer;

    @BeforeAll
    static void data() {
        sandbox = Sandbox.create();
        customer = sandbox.newCustomer();
    }

    private static Report scheduled(Schedule schedule, String parametersZone) {
        return Report.builder()
                .resultAction(ResultAction.SAVE)
                .parameters(ReportParameters.builder()
                        .tenantId(customer)
                        .level(ReportLevel.ITSELF)
                        .kind(ReportKind.USAGE_SUMMARY)
                        .timezone(parametersZone)
                        .build())
                .schedule(schedule)
                .build();
    }

    @Test
    void aBerlinPartnersMonthlyBillingReportRunsOnTheSecondAtSixLocalTime() {
        Report report = sandbox.reports.createReport(scheduled(
                Schedule.monthly()
                        .withDayOfMonth(2)
                        .withTime(LocalTime.of(6, 0))
                        .withTimezone("Europe/Berlin"),
                null));

        assertThat(report.schedule())
                .isEqualTo(Schedule.monthly()
                        .withEnabled(true)
                        .withTime(LocalTime.of(6, 0))
                        .withDayOfMonth(2)
                        .withTimezone("Europe/Berlin"));
        assertThat(report.parameters().timezone())
                .as("the period follows the schedule's zone")
                .isEqualTo("Europe/Berlin");
        ZonedDateTime now = ZonedDateTime.now(BERLIN);
        ZonedDateTime due = now.withDayOfMonth(2).toLocalDate().atTime(6, 0).atZone(BERLIN);
        if (!due.isAfter(now)) {
            due = YearMonth.from(now).plusMonths(1).atDay(2).atTime(6, 0).atZone(BERLIN);
        }
        assertThat(report.nextRunAt()).isEqualTo(due.toInstant());

        // Run now covers the last complete month in Berlin.
        ReportRun run = sandbox.reports.runNow(report.id(), null);
        YearMonth previous = YearMonth.from(ZonedDateTime.now(BERLIN)).minusMonths(1);
        assertThat(run.period().start()).isEqualTo(previous.atDay(1));
        assertThat(run.period().end()).isEqualTo(previous.atEndOfMonth());
    }

    @Test
    void dailyAndWeeklyReportsGetTheirDefaultsAndTheirNextRun() {
        Report daily = sandbox.reports.createReport(scheduled(Schedule.daily(), null));
        assertThat(daily.schedule())
                .isEqualTo(Schedule.daily()
                        .withEnabled(true)
                        .withTime(LocalTime.MIDNIGHT)
                        .withTimezone("UTC"));
        assertThat(daily.parameters().timezone()).isEqualTo("UTC");
        assertThat(daily.nextRunAt())
                .isEqualTo(LocalDate.now(ZoneId.of("UTC"))
                        .plusDays(1)
                        .atStartOfDay(ZoneId.of("UTC"))
                        .toInstant());

        Report weekly = sandbox.reports.createReport(scheduled(
                Schedule.weekly()
                        .withDayOfWeek(Weekday.FRIDAY)
                        .withTime(LocalTime.of(7, 30))
                        .withTimezone("Asia/Kathmandu"),
                "UTC"));
        assertThat(weekly.schedule().dayOfWeek()).isEqualTo(Weekday.FRIDAY);
        assertThat(weekly.parameters().timezone()).as("given, it stays").isEqualTo("UTC");
        Instant next = weekly.nextRunAt();
        ZonedDateTime local = next.atZone(ZoneId.of("Asia/Kathmandu"));
        assertThat(local.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(7, 30));
        assertThat(next).isAfter(Instant.now()).isBefore(Instant.now().plusSeconds(7 * 86_400 + 60));

        HttpResponse<String> raw = sandbox.get("/reports/" + weekly.id());
        assertThat(raw.body())
                .contains("\"schedule\":{\"day_of_week\":\"friday\",\"enabled\":true,\"time\":\"07:30\","
                        + "\"timezone\":\"Asia/Kathmandu\",\"type\":\"weekly\"}")
                .contains("\"next_run_at\":\"");
    }

    @Test
    void aPutChangesTheScheduleAsANewVersionAndMovesTheNextRun() {
        Report report = sandbox.reports.createReport(scheduled(Schedule.weekly(), null));
        Report moved = sandbox.reports.updateReport(
                report.id(),
                1,
                ReportUpdate.builder()
                        .dayOfWeek(Weekday.SUNDAY)
                        .time(LocalTime.of(18, 0))
                        .timezone("America/New_York")
                        .build());
        assertThat(moved.version()).isEqualTo(2);
        assertThat(moved.schedule())
                .isEqualTo(Schedule.weekly()
                        .withEnabled(true)
                        .withTime(LocalTime.of(18, 0))
                        .withDayOfWeek(Weekday.SUNDAY)
                        .withTimezone("America/New_York"));
        assertThat(moved.parameters().timezone())
                .as("follows the schedule's new zone")
                .isEqualTo("America/New_York");
        ZonedDateTime local = moved.nextRunAt().atZone(ZoneId.of("America/New_York"));
        assertThat(local.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(18, 0));
        assertThat(local.toLocalDate())
                .isEqualTo(LocalDate.now(ZoneId.of("America/New_York"))
                        .with(
                                local.toLocalTime().isAfter(LocalTime.now(ZoneId.of("America/New_York")))
                                        ? TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)
                                        : TemporalAdjusters.next(DayOfWeek.SUNDAY)));

        Report disabled = sandbox.reports.updateReport(
                report.id(), 2, ReportUpdate.builder().enabled(false).build());
        assertThat(disabled.nextRunAt()).isNull();
        assertThat(sandbox.get("/reports/" + report.id()).body()).doesNotContain("next_run_at");
        Report enabled = sandbox.reports.updateReport(
                report.id(), 3, ReportUpdate.builder().enabled(true).build());
        assertThat(enabled.nextRunAt()).isEqualTo(moved.nextRunAt());
        assertThat(sandbox.reports.revisions(report.id()).items()).hasSize(4);
    }

    @Test
    void wrongScheduleFieldsAreRefusedNamingTheField() {
        assertFails(
                () -> sandbox.reports.createReport(scheduled(Schedule.daily().withTimezone("Mars/Olympus_Mons"), null)),
                400,
                ErrorCodes.INVALID_VALUE,
                "schedule.timezone");
        assertFails(
                () -> sandbox.reports.createReport(scheduled(Schedule.daily(), "CEST")),
                400,
                ErrorCodes.INVALID_VALUE,
                "parameters.timezone");
        assertFails(
                () -> sandbox.reports.createReport(scheduled(Schedule.monthly().withDayOfMonth(31), null)),
                400,
                ErrorCodes.INVALID_VALUE,
                "schedule.day_of_month");
        assertFails(
                () -> sandbox.reports.createReport(scheduled(Schedule.weekly().withDayOfMonth(5), null)),
                400,
                ErrorCodes.FIELD_NOT_ALLOWED,
                "schedule.day_of_month");
        assertFails(
                () -> sandbox.reports.createReport(scheduled(Schedule.daily().withDayOfWeek(Weekday.MONDAY), null)),
                400,
                ErrorCodes.FIELD_NOT_ALLOWED,
                "schedule.day_of_week");

        HttpResponse<String> once = sandbox.postJson(
                "/reports",
                "{\"result_action\":\"save\",\"parameters\":{"
                        + "\"tenant_id\":\"" + customer + "\",\"level\":\"itself\",\"kind\":\"usage_current\"},"
                        + "\"schedule\":{\"type\":\"once\",\"time\":\"06:00\"}}");
        assertThat(once.statusCode()).isEqualTo(400);
        assertThat(once.body()).contains("\"field_not_allowed\"").contains("\"field\":\"schedule.time\"");
        HttpResponse<String> readOnly = sandbox.postJson(
                "/reports",
                "{\"result_action\":\"save\",\"parameters\":{"
                        + "\"tenant_id\":\"" + customer + "\",\"level\":\"itself\",\"kind\":\"usage_current\"},"
                        + "\"schedule\":{\"type\":\"daily\"},\"next_run_at\":\"2030-01-01T00:00:00+00:00\"}");
        assertThat(readOnly.statusCode()).isEqualTo(400);
        assertThat(readOnly.body()).contains("\"read_only_field\"").contains("\"field\":\"next_run_at\"");

        Report daily = sandbox.reports.createReport(scheduled(Schedule.daily(), null));
        HttpResponse<String> zone =
                sandbox.putJson("/reports/" + daily.id(), "{\"parameters\":{\"timezone\":\"UTC\"}}");
        assertThat(zone.statusCode()).isEqualTo(400);
        assertThat(zone.body()).contains("\"field_not_updatable\"").contains("\"field\":\"parameters.timezone\"");
        HttpResponse<String> time = sandbox.putJson("/reports/" + daily.id(), "{\"schedule\":{\"time\":\"7:00\"}}");
        assertThat(time.statusCode()).isEqualTo(400);
        assertThat(time.body()).contains("\"field\":\"schedule.time\"").contains("HH:MM");
        assertThat(sandbox.reports.getReport(daily.id()).version())
                .as("nothing half-written")
                .isEqualTo(1);
    }
}
