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
        return new Report(null, null, ResultAction.SAVE, null,
                new ReportParameters(TENANT, ReportLevel.ACCOUNTS, kind, null, period, null, null),
                new Schedule(ScheduleType.ONCE, null), null);
    }

    private static Report monthly() {
        return new Report(null, null, ResultAction.SEND, List.of(USER),
                new ReportParameters(TENANT, ReportLevel.ALL_CUSTOMERS, ReportKind.USAGE_DAILY, null, null, null, null),
                new Schedule(ScheduleType.MONTHLY, null), null);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> rejects(Runnable call, String code, String field) {
        return assertThatThrownBy(call::run).isInstanceOf(ServiceException.class)
                .hasFieldOrPropertyWithValue("kind", ServiceException.Kind.INVALID_REQUEST)
                .hasFieldOrPropertyWithValue("code", code)
                .hasFieldOrPropertyWithValue("field", field);
    }

    private static Report withParams(Report r, ReportParameters p) {
        return new Report(r.id(), r.version(), r.resultAction(), r.recipients(), p, r.schedule(), r.generationDate());
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
        Report draft = new Report(null, null, ResultAction.SEND, List.of(other, USER),
                new ReportParameters(TENANT, ReportLevel.ITSELF, ReportKind.USAGE_DAILY,
                        List.of(ReportFormat.JSON_V2_0, ReportFormat.CSV), MAY, true, true),
                new Schedule(ScheduleType.ONCE, false), LocalDate.parse("2017-05-08"));

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
        rejects(() -> ReportRules.normalizeNew(new Report(null, null, null, null, p, full.schedule(), null), TODAY, DEFAULTS),
                "required_field", "result_action");
        rejects(() -> ReportRules.normalizeNew(withParams(full, null), TODAY, DEFAULTS), "required_field", "parameters");
        rejects(() -> ReportRules.normalizeNew(withParams(full, new ReportParameters(null, p.level(), p.kind(),
                null, MAY, null, null)), TODAY, DEFAULTS), "required_field", "parameters.tenant_id");
        rejects(() -> ReportRules.normalizeNew(withParams(full, new ReportParameters(TENANT, null, p.kind(),
                null, MAY, null, null)), TODAY, DEFAULTS), "required_field", "parameters.level");
        rejects(() -> ReportRules.normalizeNew(withParams(full, new ReportParameters(TENANT, p.level(), null,
                null, MAY, null, null)), TODAY, DEFAULTS), "required_field", "parameters.kind");
        rejects(() -> ReportRules.normalizeNew(new Report(null, null, ResultAction.SAVE, null, p, null, null), TODAY, DEFAULTS),
                "required_field", "schedule");
        rejects(() -> ReportRules.normalizeNew(new Report(null, null, ResultAction.SAVE, null, p,
                new Schedule(null, true), null), TODAY, DEFAULTS), "required_field", "schedule.type");
    }

    @Test
    void aOnceReportNeedsAPeriodExceptForCurrentUsage() {
        rejects(() -> ReportRules.normalizeNew(once(ReportKind.USAGE_DAILY, null), TODAY, DEFAULTS),
                "required_field", "parameters.period");
        assertThat(ReportRules.normalizeNew(once(ReportKind.USAGE_CURRENT, null), TODAY, DEFAULTS).parameters().period()).isNull();
        assertThat(ReportRules.normalizeNew(once(ReportKind.USAGE_CURRENT, MAY), TODAY, DEFAULTS).parameters().period())
                .isEqualTo(MAY);
    }

    @Test
    void aPeriodHasBothEndsInOrderAndNotInTheFuture() {
        rejects(() -> ReportRules.normalizeNew(once(ReportKind.USAGE_DAILY, new Period(MAY.start(), null)), TODAY, DEFAULTS),
                "required_field", "parameters.period.end");
        rejects(() -> ReportRules.normalizeNew(once(ReportKind.USAGE_DAILY, new Period(null, MAY.end())), TODAY, DEFAULTS),
                "required_field", "parameters.period.start");
        rejects(() -> ReportRules.normalizeNew(once(ReportKind.USAGE_DAILY, new Period(MAY.end(), MAY.start())), TODAY, DEFAULTS),
                "invalid_value", "parameters.period.end");
        rejects(() -> ReportRules.normalizeNew(once(ReportKind.USAGE_DAILY, new Period(TODAY, TODAY.plusDays(1))), TODAY, DEFAULTS),
                "invalid_value", "parameters.period.end");
        assertThat(ReportRules.normalizeNew(once(ReportKind.USAGE_DAILY, new Period(TODAY, TODAY)), TODAY, DEFAULTS)).isNotNull();
    }

    @Test
    void aMonthlyReportHasNeitherPeriodNorGenerationDate() {
        Report monthly = monthly();
        rejects(() -> ReportRules.normalizeNew(withParams(monthly, new ReportParameters(TENANT, ReportLevel.ITSELF,
                ReportKind.USAGE_DAILY, null, MAY, null, null)), TODAY, DEFAULTS), "field_not_allowed", "parameters.period");
        rejects(() -> ReportRules.normalizeNew(new Report(null, null, ResultAction.SEND, List.of(USER),
                monthly.parameters(), monthly.schedule(), TODAY), TODAY, DEFAULTS), "field_not_allowed", "generation_date");
    }

    @Test
    void recipientsFollowTheResultAction() {
        Report monthly = monthly();
        rejects(() -> ReportRules.normalizeNew(new Report(null, null, ResultAction.SEND, List.of(),
                monthly.parameters(), monthly.schedule(), null), TODAY, DEFAULTS), "required_field", "recipients");
        rejects(() -> ReportRules.normalizeNew(new Report(null, null, ResultAction.SEND, null,
                monthly.parameters(), monthly.schedule(), null), TODAY, DEFAULTS), "required_field", "recipients");
        rejects(() -> ReportRules.normalizeNew(new Report(null, null, ResultAction.SAVE, List.of(USER),
                monthly.parameters(), monthly.schedule(), null), TODAY, DEFAULTS), "field_not_allowed", "recipients");
        rejects(() -> ReportRules.normalizeNew(new Report(null, null, ResultAction.SEND, List.of(USER, USER),
                monthly.parameters(), monthly.schedule(), null), TODAY, DEFAULTS), "duplicate_value", "recipients[1]");
        List<UUID> tooMany = Collections.nCopies(ReportRules.MAX_RECIPIENTS + 1, USER);
        rejects(() -> ReportRules.normalizeNew(new Report(null, null, ResultAction.SEND, tooMany,
                monthly.parameters(), monthly.schedule(), null), TODAY, DEFAULTS), "invalid_value", "recipients");
    }

    @Test
    void formatsAreNonEmptyAndDistinct() {
        Report draft = once(ReportKind.USAGE_SUMMARY, MAY);
        rejects(() -> ReportRules.normalizeNew(withParams(draft, new ReportParameters(TENANT, ReportLevel.ITSELF,
                ReportKind.USAGE_SUMMARY, List.of(), MAY, null, null)), TODAY, DEFAULTS), "invalid_value", "parameters.formats");
        rejects(() -> ReportRules.normalizeNew(withParams(draft, new ReportParameters(TENANT, ReportLevel.ITSELF,
                ReportKind.USAGE_SUMMARY, List.of(ReportFormat.HTML, ReportFormat.CSV, ReportFormat.HTML), MAY, null,
                null)), TODAY, DEFAULTS), "duplicate_value", "parameters.formats[2]");
    }

    @Test
    void anUpdateChangesOnlyWhatItNames() {
        Report current = withId(ReportRules.normalizeNew(monthly(), TODAY, DEFAULTS));

        Report updated = ReportRules.applyUpdate(current,
                new ReportUpdate(null, new ReportUpdate.Parameters(null, ReportKind.USAGE_SUMMARY, true, null), null));

        assertThat(updated.parameters().kind()).isEqualTo(ReportKind.USAGE_SUMMARY);
        assertThat(updated.parameters().hideZeroUsage()).isTrue();
        assertThat(updated.parameters().level()).isEqualTo(current.parameters().level());
        assertThat(updated.parameters().showSkus()).isFalse();
        assertThat(updated.recipients()).isEqualTo(current.recipients());
        assertThat(updated.schedule()).isEqualTo(current.schedule());
        assertThat(ReportRules.applyUpdate(current, new ReportUpdate(null, null, new ReportUpdate.ScheduleChange(false)))
                .schedule().enabled()).isFalse();
    }

    @Test
    void onlyMonthlyReportsCanBeUpdated() {
        Report once = withId(ReportRules.normalizeNew(once(ReportKind.USAGE_SUMMARY, MAY), TODAY, DEFAULTS));
        rejects(() -> ReportRules.applyUpdate(once, new ReportUpdate(null, null, null)), "not_updatable", null);
    }

    @Test
    void anUpdateKeepsTheRecipientRules() {
        Report current = withId(ReportRules.normalizeNew(monthly(), TODAY, DEFAULTS));
        rejects(() -> ReportRules.applyUpdate(current, new ReportUpdate(List.of(), null, null)),
                "required_field", "recipients");
        UUID other = UUID.randomUUID();
        assertThat(ReportRules.applyUpdate(current, new ReportUpdate(List.of(other, USER), null, null)).recipients())
                .containsExactly(other, USER);
    }

    private static Report withId(Report r) {
        return new Report(UUID.randomUUID(), 1, r.resultAction(), r.recipients(), r.parameters(), r.schedule(),
                r.generationDate());
    }

    private static Report scheduled(Schedule schedule) {
        Report m = monthly();
        return new Report(null, null, m.resultAction(), m.recipients(), m.parameters(), schedule, null);
    }

    @Test
    void aScheduleIsEchoedWithItsDefaults() {
        ScheduleDefaults server = new ScheduleDefaults(3, LocalTime.parse("01:30"));
        Schedule monthly = ReportRules.normalizeNew(monthly(), TODAY, server).schedule();
        assertThat(monthly).isEqualTo(new Schedule(ScheduleType.MONTHLY, true, LocalTime.parse("01:30"), 3, null, "UTC"));
        Schedule weekly = ReportRules.normalizeNew(scheduled(new Schedule(ScheduleType.WEEKLY, null)), TODAY, server)
                .schedule();
        assertThat(weekly).isEqualTo(new Schedule(ScheduleType.WEEKLY, true, LocalTime.MIDNIGHT, null, Weekday.MONDAY,
                "UTC"));
        Schedule daily = ReportRules.normalizeNew(scheduled(new Schedule(ScheduleType.DAILY, false,
                LocalTime.parse("06:15"), null, null, "Asia/Kathmandu")), TODAY, server).schedule();
        assertThat(daily).isEqualTo(new Schedule(ScheduleType.DAILY, false, LocalTime.parse("06:15"), null, null,
                "Asia/Kathmandu"));
        Report once = ReportRules.normalizeNew(once(ReportKind.USAGE_SUMMARY, MAY), TODAY, server);
        assertThat(once.schedule()).isEqualTo(new Schedule(ScheduleType.ONCE, true));
    }

    @Test
    void scheduleFieldsAreCheckedNamingTheField() {
        rejects(() -> ReportRules.normalizeNew(scheduled(new Schedule(ScheduleType.MONTHLY, null, null, 29, null,
                null)), TODAY, DEFAULTS), "invalid_value", "schedule.day_of_month");
        rejects(() -> ReportRules.normalizeNew(scheduled(new Schedule(ScheduleType.DAILY, null, null, 2, null,
                null)), TODAY, DEFAULTS), "field_not_allowed", "schedule.day_of_month");
        rejects(() -> ReportRules.normalizeNew(scheduled(new Schedule(ScheduleType.MONTHLY, null, null, null,
                Weekday.FRIDAY, null)), TODAY, DEFAULTS), "field_not_allowed", "schedule.day_of_week");
        rejects(() -> ReportRules.normalizeNew(scheduled(new Schedule(ScheduleType.WEEKLY, null, null, null, null,
                "Europe/Atlantis")), TODAY, DEFAULTS), "invalid_value", "schedule.timezone")
                .hasMessageContaining("IANA time zone name");
        Report once = once(ReportKind.USAGE_SUMMARY, MAY);
        rejects(() -> ReportRules.normalizeNew(new Report(null, null, once.resultAction(), null, once.parameters(),
                new Schedule(ScheduleType.ONCE, null, LocalTime.NOON, null, null, null), null), TODAY, DEFAULTS),
                "field_not_allowed", "schedule.time");
        ReportParameters p = once.parameters();
        rejects(() -> ReportRules.normalizeNew(withParams(once, new ReportParameters(p.tenantId(), p.level(), p.kind(),
                null, MAY, null, null, "+02:00")), TODAY, DEFAULTS), "invalid_value", "parameters.timezone");
    }

    @Test
    void aScheduledReportsDaysFollowItsScheduleUnlessItsParametersNameAZone() {
        Report berlin = ReportRules.normalizeNew(scheduled(new Schedule(ScheduleType.MONTHLY, null, null, null, null,
                "Europe/Berlin")), TODAY, DEFAULTS);
        assertThat(ReportRules.effectiveZone(berlin)).hasToString("Europe/Berlin");
        assertThat(ReportRules.effectiveZone(once(ReportKind.USAGE_SUMMARY, MAY))).hasToString("UTC");
        ReportUpdate toTokyo = new ReportUpdate(null, null, new ReportUpdate.ScheduleChange(null, LocalTime.parse("07:00"),
                2, null, "Asia/Tokyo"));
        Report moved = ReportRules.applyUpdate(berlin, toTokyo);
        assertThat(moved.schedule()).isEqualTo(new Schedule(ScheduleType.MONTHLY, true, LocalTime.parse("07:00"), 2,
                null, "Asia/Tokyo"));
        rejects(() -> ReportRules.applyUpdate(berlin, new ReportUpdate(null, null,
                new ReportUpdate.ScheduleChange(null, null, null, Weekday.MONDAY, null))), "field_not_allowed",
                "schedule.day_of_week");
    }
}
