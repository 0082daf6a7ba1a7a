package io.usagereports.service.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ReportUpdate;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.reports.ScheduleType;
import io.usagereports.model.reports.Weekday;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.schedule.ScheduleDefaults;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class ReportRulesTest {

    private static final ScheduleDefaults DEFAULTS = ScheduleDefaults.BUILT_IN;

    private static final LocalDate TODAY = LocalDate.parse("2026-11-27");
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();
    private static final Period MAY = new Period(LocalDate.parse("2017-05-01"), LocalDate.parse("2017-05-07"));

    private static Report once(ReportKind kind, Period period) {
        return Report.builder()
                .resultAction(ResultAction.SAVE)
                .parameters(ReportParameters.builder()
                        .tenantId(TENANT)
                        .level(ReportLevel.ACCOUNTS)
                        .kind(kind)
                        .period(period)
                        .build())
                .schedule(Schedule.once())
                .build();
    }

    private static Report monthly() {
        return Report.builder()
                .resultAction(ResultAction.SEND)
                .recipients(List.of(USER))
                .parameters(ReportParameters.builder()
                        .tenantId(TENANT)
                        .level(ReportLevel.ALL_CUSTOMERS)
                        .kind(ReportKind.USAGE_DAILY)
                        .build())
                .schedule(Schedule.monthly())
                .build();
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> rejects(Runnable call, String code, String field) {
        return assertThatThrownBy(call::run)
                .isInstanceOf(ServiceException.class)
                .hasFieldOrPropertyWithValue("kind", ServiceException.Kind.INVALID_REQUEST)
                .hasFieldOrPropertyWithValue("code", code)
                .hasFieldOrPropertyWithValue("field", field);
    }

    private static Report withParams(Report r, ReportParameters p) {
        return r.toBuilder().parameters(p).build();
    }

    @Test
    void appliesDefaultsToAMinimalReport() {
        Report normalized = ReportRules.normalizeNew(once(ReportKind.USAGE_SUMMARY, MAY), TODAY, DEFAULTS);

        assertThat(normalized.parameters().formats()).containsExactly(ReportFormat.CSV);
        assertThat(normalized.parameters().hideZeroUsage()).isFalse();
        assertThat(normalized.parameters().showSkus()).isFalse();
        assertThat(normalized.schedule().enabled()).isTrue();
        assertThat(normalized.recipients()).isEmpty();
        assertThat(normalized.id()).isNull();
        assertThat(normalized.version()).isNull();
    }

    @Test
    void keepsTheOrderOfFormatsAndRecipients() {
        UUID other = UUID.randomUUID();
        Report draft = Report.builder()
                .resultAction(ResultAction.SEND)
                .recipients(List.of(other, USER))
                .parameters(ReportParameters.builder()
                        .tenantId(TENANT)
                        .level(ReportLevel.ITSELF)
                        .kind(ReportKind.USAGE_DAILY)
                        .formats(List.of(ReportFormat.JSON_V2_0, ReportFormat.CSV))
                        .period(MAY)
                        .hideZeroUsage(true)
                        .showSkus(true)
                        .build())
                .schedule(Schedule.once().withEnabled(false))
                .generationDate(LocalDate.parse("2017-05-08"))
                .build();

        Report normalized = ReportRules.normalizeNew(draft, TODAY, DEFAULTS);

        assertThat(normalized.recipients()).containsExactly(other, USER);
        assertThat(normalized.parameters().formats()).containsExactly(ReportFormat.JSON_V2_0, ReportFormat.CSV);
        assertThat(normalized.schedule().enabled()).isFalse();
        assertThat(normalized.generationDate()).isEqualTo(LocalDate.parse("2017-05-08"));
    }

    @Test
    void requiresTheMandatoryFields() {
        Report full = once(ReportKind.USAGE_SUMMARY, MAY);
        ReportParameters p = full.parameters();
        rejects(
                () -> ReportRules.normalizeNew(
                        full.toBuilder().resultAction(null).build(), TODAY, DEFAULTS),
                "required_field",
                "result_action");
        rejects(
                () -> ReportRules.normalizeNew(withParams(full, null), TODAY, DEFAULTS),
                "required_field",
                "parameters");
        rejects(
                () -> ReportRules.normalizeNew(
                        withParams(full, p.toBuilder().tenantId(null).build()), TODAY, DEFAULTS),
                "required_field",
                "parameters.tenant_id");
        rejects(
                () -> ReportRules.normalizeNew(
                        withParams(full, p.toBuilder().level(null).build()), TODAY, DEFAULTS),
                "required_field",
                "parameters.level");
        rejects(
                () -> ReportRules.normalizeNew(
                        withParams(full, p.toBuilder().kind(null).build()), TODAY, DEFAULTS),
                "required_field",
                "parameters.kind");
        rejects(
                () -> ReportRules.normalizeNew(full.toBuilder().schedule(null).build(), TODAY, DEFAULTS),
                "required_field",
                "schedule");
        rejects(
                () -> ReportRules.normalizeNew(
                        full.toBuilder().schedule(new Schedule(null, true)).build(), TODAY, DEFAULTS),
                "required_field",
                "schedule.type");
    }

    @Test
    void aOnceReportNeedsAPeriodExceptForCurrentUsage() {
        rejects(
                () -> ReportRules.normalizeNew(once(ReportKind.USAGE_DAILY, null), TODAY, DEFAULTS),
                "required_field",
                "parameters.period");
        assertThat(ReportRules.normalizeNew(once(ReportKind.USAGE_CURRENT, null), TODAY, DEFAULTS)
                        .parameters()
                        .period())
                .isNull();
        assertThat(ReportRules.normalizeNew(once(ReportKind.USAGE_CURRENT, MAY), TODAY, DEFAULTS)
                        .parameters()
                        .period())
                .isEqualTo(MAY);
    }

    @Test
    void aPeriodHasBothEndsInOrderAndNotInTheFuture() {
        rejects(
                () -> ReportRules.normalizeNew(
                        once(ReportKind.USAGE_DAILY, new Period(MAY.start(), null)), TODAY, DEFAULTS),
                "required_field",
                "parameters.period.end");
        rejects(
                () -> ReportRules.normalizeNew(
                        once(ReportKind.USAGE_DAILY, new Period(null, MAY.end())), TODAY, DEFAULTS),
                "required_field",
                "parameters.period.start");
        rejects(
                () -> ReportRules.normalizeNew(
                        once(ReportKind.USAGE_DAILY, new Period(MAY.end(), MAY.start())), TODAY, DEFAULTS),
                "invalid_value",
                "parameters.period.end");
        rejects(
                () -> ReportRules.normalizeNew(
                        once(ReportKind.USAGE_DAILY, new Period(TODAY, TODAY.plusDays(1))), TODAY, DEFAULTS),
                "invalid_value",
                "parameters.period.end");
        assertThat(ReportRules.normalizeNew(once(ReportKind.USAGE_DAILY, new Period(TODAY, TODAY)), TODAY, DEFAULTS))
                .isNotNull();
    }

    @Test
    void datesBeforeTheEpochAreRefusedNamingTheField() {
        LocalDate yearZero = LocalDate.of(0, 1, 1);
        LocalDate lastDayBefore = ReportRules.EARLIEST_DATE.minusDays(1);
        rejects(
                () -> ReportRules.normalizeNew(
                        once(ReportKind.USAGE_DAILY, new Period(yearZero, MAY.end())), TODAY, DEFAULTS),
                "invalid_value",
                "parameters.period.start");
        rejects(
                () -> ReportRules.normalizeNew(
                        once(ReportKind.USAGE_DAILY, new Period(lastDayBefore, MAY.end())), TODAY, DEFAULTS),
                "invalid_value",
                "parameters.period.start");
        rejects(
                () -> ReportRules.normalizeNew(
                        once(ReportKind.USAGE_DAILY, MAY).toBuilder()
                                .generationDate(yearZero)
                                .build(),
                        TODAY,
                        DEFAULTS),
                "invalid_value",
                "generation_date");
        rejects(
                () -> ReportRules.checkRunPeriod(new Period(yearZero, yearZero), TODAY),
                "invalid_value",
                "period.start");
        rejects(
                        () -> ReportRules.checkRunPeriod(new Period(lastDayBefore, MAY.end()), TODAY),
                        "invalid_value",
                        "period.start")
                .hasMessageContaining("1970-01-01");

        Period first = new Period(ReportRules.EARLIEST_DATE, ReportRules.EARLIEST_DATE);
        ReportRules.checkRunPeriod(first, TODAY);
        assertThat(ReportRules.normalizeNew(
                                once(ReportKind.USAGE_DAILY, first).toBuilder()
                                        .generationDate(ReportRules.EARLIEST_DATE)
                                        .build(),
                                TODAY,
                                DEFAULTS)
                        .parameters()
                        .period())
                .isEqualTo(first);
    }

    @Test
    void aMonthlyReportHasNeitherPeriodNorGenerationDate() {
        Report monthly = monthly();
        rejects(
                () -> ReportRules.normalizeNew(
                        withParams(
                                monthly,
                                ReportParameters.builder()
                                        .tenantId(TENANT)
                                        .level(ReportLevel.ITSELF)
                                        .kind(ReportKind.USAGE_DAILY)
                                        .period(MAY)
                                        .build()),
                        TODAY,
                        DEFAULTS),
                "field_not_allowed",
                "parameters.period");
        rejects(
                () -> ReportRules.normalizeNew(
                        monthly.toBuilder().generationDate(TODAY).build(), TODAY, DEFAULTS),
                "field_not_allowed",
                "generation_date");
    }

    @Test
    void recipientsFollowTheResultAction() {
        Report monthly = monthly();
        rejects(
                () -> ReportRules.normalizeNew(
                        monthly.toBuilder().recipients(List.of()).build(), TODAY, DEFAULTS),
                "required_field",
                "recipients");
        rejects(
                () -> ReportRules.normalizeNew(
                        monthly.toBuilder().recipients(null).build(), TODAY, DEFAULTS),
                "required_field",
                "recipients");
        rejects(
                () -> ReportRules.normalizeNew(
                        monthly.toBuilder().resultAction(ResultAction.SAVE).build(), TODAY, DEFAULTS),
                "field_not_allowed",
                "recipients");
        rejects(
                () -> ReportRules.normalizeNew(
                        monthly.toBuilder().recipients(List.of(USER, USER)).build(), TODAY, DEFAULTS),
                "duplicate_value",
                "recipients[1]");
        List<UUID> tooMany = Collections.nCopies(ReportRules.MAX_RECIPIENTS + 1, USER);
        rejects(
                () -> ReportRules.normalizeNew(
                        monthly.toBuilder().recipients(tooMany).build(), TODAY, DEFAULTS),
                "invalid_value",
                "recipients");
    }

    @Test
    void formatsAreNonEmptyAndDistinct() {
        Report draft = once(ReportKind.USAGE_SUMMARY, MAY);
        ReportParameters itself = ReportParameters.builder()
                .tenantId(TENANT)
                .level(ReportLevel.ITSELF)
                .kind(ReportKind.USAGE_SUMMARY)
                .period(MAY)
                .build();
        rejects(
                () -> ReportRules.normalizeNew(
                        withParams(draft, itself.toBuilder().formats(List.of()).build()), TODAY, DEFAULTS),
                "invalid_value",
                "parameters.formats");
        rejects(
                () -> ReportRules.normalizeNew(
                        withParams(
                                draft,
                                itself.toBuilder()
                                        .formats(List.of(ReportFormat.HTML, ReportFormat.CSV, ReportFormat.HTML))
                                        .build()),
                        TODAY,
                        DEFAULTS),
                "duplicate_value",
                "parameters.formats[2]");
    }

    @Test
    void anUpdateChangesOnlyWhatItNames() {
        Report current = withId(ReportRules.normalizeNew(monthly(), TODAY, DEFAULTS));

        Report updated = ReportRules.applyUpdate(
                current,
                ReportUpdate.builder()
                        .kind(ReportKind.USAGE_SUMMARY)
                        .hideZeroUsage(true)
                        .build());

        assertThat(updated.parameters().kind()).isEqualTo(ReportKind.USAGE_SUMMARY);
        assertThat(updated.parameters().hideZeroUsage()).isTrue();
        assertThat(updated.parameters().level()).isEqualTo(current.parameters().level());
        assertThat(updated.parameters().showSkus()).isFalse();
        assertThat(updated.recipients()).isEqualTo(current.recipients());
        assertThat(updated.schedule()).isEqualTo(current.schedule());
        assertThat(ReportRules.applyUpdate(
                                current, ReportUpdate.builder().enabled(false).build())
                        .schedule()
                        .enabled())
                .isFalse();
    }

    @Test
    void onlyMonthlyReportsCanBeUpdated() {
        Report once = withId(ReportRules.normalizeNew(once(ReportKind.USAGE_SUMMARY, MAY), TODAY, DEFAULTS));
        rejects(() -> ReportRules.applyUpdate(once, ReportUpdate.empty()), "not_updatable", null);
    }

    @Test
    void anUpdateKeepsTheRecipientRules() {
        Report current = withId(ReportRules.normalizeNew(monthly(), TODAY, DEFAULTS));
        rejects(
                () -> ReportRules.applyUpdate(
                        current, ReportUpdate.builder().recipients(List.of()).build()),
                "required_field",
                "recipients");
        UUID other = UUID.randomUUID();
        assertThat(ReportRules.applyUpdate(
                                current,
                                ReportUpdate.builder()
                                        .recipients(List.of(other, USER))
                                        .build())
                        .recipients())
                .containsExactly(other, USER);
    }

    private static Report withId(Report r) {
        return r.toBuilder().id(UUID.randomUUID()).version(1).build();
    }

    private static Report scheduled(Schedule schedule) {
        return monthly().toBuilder().schedule(schedule).build();
    }

    @Test
    void aScheduleIsEchoedWithItsDefaults() {
        ScheduleDefaults server = new ScheduleDefaults(3, LocalTime.parse("01:30"));
        Schedule monthly = ReportRules.normalizeNew(monthly(), TODAY, server).schedule();
        assertThat(monthly)
                .isEqualTo(Schedule.monthly()
                        .withEnabled(true)
                        .withTime(LocalTime.parse("01:30"))
                        .withDayOfMonth(3)
                        .withTimezone("UTC"));
        Schedule weekly = ReportRules.normalizeNew(scheduled(Schedule.weekly()), TODAY, server)
                .schedule();
        assertThat(weekly)
                .isEqualTo(Schedule.weekly()
                        .withEnabled(true)
                        .withTime(LocalTime.MIDNIGHT)
                        .withDayOfWeek(Weekday.MONDAY)
                        .withTimezone("UTC"));
        Schedule daily = ReportRules.normalizeNew(
                        scheduled(Schedule.daily()
                                .withEnabled(false)
                                .withTime(LocalTime.parse("06:15"))
                                .withTimezone("Asia/Kathmandu")),
                        TODAY,
                        server)
                .schedule();
        assertThat(daily)
                .isEqualTo(Schedule.daily()
                        .withEnabled(false)
                        .withTime(LocalTime.parse("06:15"))
                        .withTimezone("Asia/Kathmandu"));
        Report once = ReportRules.normalizeNew(once(ReportKind.USAGE_SUMMARY, MAY), TODAY, server);
        assertThat(once.schedule()).isEqualTo(new Schedule(ScheduleType.ONCE, true));
    }

    @Test
    void scheduleFieldsAreCheckedNamingTheField() {
        rejects(
                () -> ReportRules.normalizeNew(scheduled(Schedule.monthly().withDayOfMonth(29)), TODAY, DEFAULTS),
                "invalid_value",
                "schedule.day_of_month");
        rejects(
                () -> ReportRules.normalizeNew(scheduled(Schedule.daily().withDayOfMonth(2)), TODAY, DEFAULTS),
                "field_not_allowed",
                "schedule.day_of_month");
        rejects(
                () -> ReportRules.normalizeNew(
                        scheduled(Schedule.monthly().withDayOfWeek(Weekday.FRIDAY)), TODAY, DEFAULTS),
                "field_not_allowed",
                "schedule.day_of_week");
        rejects(
                        () -> ReportRules.normalizeNew(
                                scheduled(Schedule.weekly().withTimezone("Europe/Atlantis")), TODAY, DEFAULTS),
                        "invalid_value",
                        "schedule.timezone")
                .hasMessageContaining("IANA time zone name");
        Report once = once(ReportKind.USAGE_SUMMARY, MAY);
        rejects(
                () -> ReportRules.normalizeNew(
                        once.toBuilder()
                                .schedule(Schedule.once().withTime(LocalTime.NOON))
                                .build(),
                        TODAY,
                        DEFAULTS),
                "field_not_allowed",
                "schedule.time");
        ReportParameters p = once.parameters();
        rejects(
                () -> ReportRules.normalizeNew(
                        withParams(once, p.toBuilder().timezone("+02:00").build()), TODAY, DEFAULTS),
                "invalid_value",
                "parameters.timezone");
    }

    @Test
    void aScheduledReportsDaysFollowItsScheduleUnlessItsParametersNameAZone() {
        Report berlin =
                ReportRules.normalizeNew(scheduled(Schedule.monthly().withTimezone("Europe/Berlin")), TODAY, DEFAULTS);
        assertThat(ReportRules.effectiveZone(berlin)).hasToString("Europe/Berlin");
        assertThat(ReportRules.effectiveZone(once(ReportKind.USAGE_SUMMARY, MAY)))
                .hasToString("UTC");
        ReportUpdate toTokyo = ReportUpdate.builder()
                .time(LocalTime.parse("07:00"))
                .dayOfMonth(2)
                .timezone("Asia/Tokyo")
                .build();
        Report moved = ReportRules.applyUpdate(berlin, toTokyo);
        assertThat(moved.schedule())
                .isEqualTo(Schedule.monthly()
                        .withEnabled(true)
                        .withTime(LocalTime.parse("07:00"))
                        .withDayOfMonth(2)
                        .withTimezone("Asia/Tokyo"));
        rejects(
                () -> ReportRules.applyUpdate(
                        berlin, ReportUpdate.builder().dayOfWeek(Weekday.MONDAY).build()),
                "field_not_allowed",
                "schedule.day_of_week");
    }
}
