package io.usagereports.service.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usagereports.model.reports.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class MonthlyScheduleTest {

    private final MonthlySchedule firstAtMidnight = new MonthlySchedule(1, LocalTime.MIDNIGHT);

    @Test
    void theLatestDueTimeIsThisMonthsOnceItHasPassed() {
        assertThat(firstAtMidnight.latestDue(Instant.parse("2026-11-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(firstAtMidnight.latestDue(Instant.parse("2026-10-31T23:59:59Z")))
                .isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        MonthlySchedule fifth = new MonthlySchedule(5, LocalTime.of(6, 30));
        assertThat(fifth.latestDue(Instant.parse("2026-01-05T06:29:00Z")))
                .isEqualTo(Instant.parse("2025-12-05T06:30:00Z"));
    }

    @Test
    void aRunCoversThePreviousCalendarMonth() {
        assertThat(MonthlySchedule.reportedMonth(Instant.parse("2026-03-01T00:00:00Z"))).isEqualTo(YearMonth.of(2026, 2));
        assertThat(MonthlySchedule.previousMonth(LocalDate.parse("2026-01-15")))
                .isEqualTo(new Period(LocalDate.parse("2025-12-01"), LocalDate.parse("2025-12-31")));
    }

    @Test
    void daysThatSomeMonthsLackAreRefused() {
        assertThatThrownBy(() -> new MonthlySchedule(29, LocalTime.MIDNIGHT)).isInstanceOf(IllegalArgumentException.class);
    }
}
