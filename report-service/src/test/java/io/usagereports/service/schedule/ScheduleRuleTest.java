package io.usagereports.service.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.ScheduleType;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ScheduleRuleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static ScheduleRule rule(ScheduleType type, String time, int day, DayOfWeek weekday, ZoneId zone) {
        return new ScheduleRule(type, LocalTime.parse(time), day, weekday, zone);
    }

    @Test
    void aBerlinPartnersMonthlyBillingRunsOnTheSecondAtSixLocalForThePreviousMonth() {
        ScheduleRule billing = rule(ScheduleType.MONTHLY, "06:00", 2, DayOfWeek.MONDAY, BERLIN);
        Instant due = billing.nextDueAfter(Instant.parse("2026-12-02T04:59:59Z"));
        assertThat(due).isEqualTo(Instant.parse("2026-12-02T05:00:00Z")); // CET, UTC+1
        assertThat(billing.nextDueAfter(due)).isEqualTo(Instant.parse("2027-01-02T05:00:00Z"));
        assertThat(billing.nextDueAfter(Instant.parse("2026-06-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-06-02T04:00:00Z")); // CEST, UTC+2
        Period november = billing.periodOf(due, BERLIN);
        assertThat(november).isEqualTo(new Period(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
        assertThat(ScheduleRule.key(ScheduleType.MONTHLY, november)).isEqualTo("2026-11");
    }

    @Test
    void aLocalTimeSkippedBySpringForwardRunsAtTheJumpAndOneThatOccursTwiceRunsOnce() {
        ScheduleRule daily = rule(ScheduleType.DAILY, "02:30", 1, DayOfWeek.MONDAY, BERLIN);
        // 2026-03-29: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist: due at the jump, 01:00 UTC.
        Instant spring = daily.nextDueAfter(Instant.parse("2026-03-28T12:00:00Z"));
        assertThat(spring).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(daily.nextDueAfter(spring)).isEqualTo(Instant.parse("2026-03-30T00:30:00Z"));
        // 2026-10-25: 03:00 CEST falls back to 02:00 CET, so 02:30 happens twice: due once, the first time.
        Instant autumn = daily.nextDueAfter(Instant.parse("2026-10-24T12:00:00Z"));
        assertThat(autumn).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        Instant next = daily.nextDueAfter(autumn);
        assertThat(next).isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));
        assertThat(daily.dueBetween(Instant.parse("2026-10-24T12:00:00Z"), Instant.parse("2026-10-26T02:00:00Z")))
                .containsExactly(autumn, next);
    }

    @Test
    void aNonWholeHourZoneKeepsItsOffset() {
        ZoneId kathmandu = ZoneId.of("Asia/Kathmandu"); // UTC+05:45
        ScheduleRule daily = rule(ScheduleType.DAILY, "00:00", 1, DayOfWeek.MONDAY, kathmandu);
        Instant due = daily.nextDueAfter(Instant.parse("2026-05-10T12:00:00Z"));
        assertThat(due).isEqualTo(Instant.parse("2026-05-10T18:15:00Z"));
        assertThat(daily.periodOf(due, kathmandu))
                .isEqualTo(new Period(LocalDate.parse("2026-05-10"), LocalDate.parse("2026-05-10")));
        assertThat(daily.periodOf(due, ZoneOffset.UTC))
                .isEqualTo(new Period(LocalDate.parse("2026-05-09"), LocalDate.parse("2026-05-09")));
    }

    @Test
    void aWeeklyRunCoversThePreviousIsoWeek() {
        ScheduleRule weekly = rule(ScheduleType.WEEKLY, "07:00", 1, DayOfWeek.WEDNESDAY, ZoneOffset.UTC);
        Instant due = weekly.nextDueAfter(Instant.parse("2026-12-01T00:00:00Z")); // a Tuesday
        assertThat(due).isEqualTo(Instant.parse("2026-12-02T07:00:00Z"));
        Period week = weekly.periodOf(due, ZoneOffset.UTC);
        assertThat(week).isEqualTo(new Period(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-29")));
        assertThat(ScheduleRule.key(ScheduleType.WEEKLY, week)).isEqualTo("2026-W48");
        assertThat(ScheduleRule.key(
                        ScheduleType.WEEKLY, new Period(LocalDate.parse("2026-12-28"), LocalDate.parse("2027-01-03"))))
                .isEqualTo("2026-W53");
    }

    @Test
    void aMissedDayIsFoundAmongTheDueInstantsAndRunNowCoversThePreviousPeriod() {
        ScheduleRule daily = rule(ScheduleType.DAILY, "00:00", 1, DayOfWeek.MONDAY, ZoneOffset.UTC);
        assertThat(daily.dueBetween(Instant.parse("2026-11-28T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")))
                .containsExactly(
                        Instant.parse("2026-11-29T00:00:00Z"),
                        Instant.parse("2026-11-30T00:00:00Z"),
                        Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(ScheduleRule.previousPeriod(ScheduleType.MONTHLY, Instant.parse("2026-12-02T10:00:00Z"), BERLIN))
                .isEqualTo(new Period(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
        assertThat(ScheduleRule.previousPeriod(ScheduleType.DAILY, Instant.parse("2026-12-02T23:30:00Z"), BERLIN))
                .isEqualTo(new Period(LocalDate.parse("2026-12-02"), LocalDate.parse("2026-12-02")));
    }
}
