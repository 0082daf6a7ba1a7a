package io.usagereports.service.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.model.reports.ReportKind;
import io.usagereports.service.generation.format.ReportDates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
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

    @Test
    void aReadingsDayIsItsDateInTheReportsZoneWhateverTheZoneKind() {
        SplittableRandom random = new SplittableRandom(7);
        for (ZoneId zone : List.of(
                ZoneOffset.UTC,
                ZoneOffset.ofHoursMinutes(5, 30),
                ZoneOffset.ofHours(-11),
                ZoneId.of("Europe/Berlin"),
                ZoneId.of("America/New_York"),
                ZoneId.of("Australia/Lord_Howe"))) {
            ReadingWindows windows = ReadingWindows.of(new LocalDate[] {LocalDate.EPOCH}, zone);
            for (int i = 0; i < 10_000; i++) {
                // From 1950 to 2100, so before the epoch too, where days round down.
                long micros = random.nextLong(-631_152_000_000_000L, 4_102_444_800_000_000L);
                Instant at = Instant.ofEpochSecond(
                        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
                long day = LocalDate.ofInstant(at, zone).toEpochDay();
                assertThat(windows.epochDayOfMicros(micros))
                        .as("%s at %s", zone, at)
                        .isEqualTo(day);
                assertThat(windows.epochDay(at)).as("%s at %s", zone, at).isEqualTo(day);
            }
        }
    }
}
