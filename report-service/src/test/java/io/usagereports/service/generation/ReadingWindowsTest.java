package io.usagereports.service.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.model.reports.ReportKind;
import io.usagereports.service.generation.format.ReportDates;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ReadingWindowsTest {

    private static final LocalDate START = LocalDate.parse("2026-10-01");
    private static final LocalDate END = LocalDate.parse("2026-10-31");

    @Test
    void summarySeeksTheEndOfItsTwoDatesAndReadsNoRange() {
        ReadingWindows w =
                ReadingWindows.of(ReportDates.of(ReportKind.USAGE_SUMMARY, START, END, END), java.time.ZoneOffset.UTC);
        assertThat(w.hasRange()).isFalse();
        assertThat(w.seekDates()).containsExactly(START, END);
        assertThat(w.seekBound(0)).isEqualTo(OffsetDateTime.parse("2026-10-02T00:00Z"));
        assertThat(w.seekBound(1)).isEqualTo(OffsetDateTime.parse("2026-11-01T00:00Z"));
        assertThat(w.seekDays()).containsExactly(START.toEpochDay(), END.toEpochDay());
    }

    @Test
    void currentSeeksItsValueDate() {
        ReadingWindows w = ReadingWindows.of(
                ReportDates.of(ReportKind.USAGE_CURRENT, START, END, START), java.time.ZoneOffset.UTC);
        assertThat(w.hasRange()).isFalse();
        assertThat(w.seekDates()).containsExactly(START);
    }

    @Test
    void dailyCarriesInTheDayBeforeAndReadsEveryDayOfThePeriod() {
        ReadingWindows w =
                ReadingWindows.of(ReportDates.of(ReportKind.USAGE_DAILY, START, END, END), java.time.ZoneOffset.UTC);
        assertThat(w.seekDates()).containsExactly(START.minusDays(1));
        assertThat(w.seekBound(0))
                .isEqualTo(OffsetDateTime.parse("2026-10-01T00:00Z"))
                .isEqualTo(w.rangeFrom());
        assertThat(w.rangeTo()).isEqualTo(OffsetDateTime.parse("2026-11-01T00:00Z"));
    }

    @Test
    void breakdownAlsoReadsTheDayBeforeItsPeriod() {
        ReadingWindows w = ReadingWindows.of(
                ReportDates.of(ReportKind.USAGE_BREAKDOWN, START, END, END), java.time.ZoneOffset.UTC);
        assertThat(w.rangeFirst()).isEqualTo(START.minusDays(1));
        assertThat(w.seekDates()).containsExactly(START.minusDays(2));
    }

    @Test
    void aShortDailyPeriodIsSoughtDayByDay() {
        LocalDate next = START.plusDays(1);
        ReadingWindows w =
                ReadingWindows.of(ReportDates.of(ReportKind.USAGE_DAILY, START, next, next), java.time.ZoneOffset.UTC);
        assertThat(w.hasRange()).isFalse();
        assertThat(w.seekDates()).containsExactly(START, next);
    }
}
