package io.usagereports.service.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.service.generation.PostgresReportReadings.ReadingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PostgresReportReadingsTest {

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
            ReadingDays days = new ReadingDays(zone);
            for (int i = 0; i < 10_000; i++) {
                // From 1950 to 2100, so before the epoch too, where days round down.
                long micros = random.nextLong(-631_152_000_000_000L, 4_102_444_800_000_000L);
                Instant at = Instant.ofEpochSecond(
                        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
                assertThat(days.of(micros))
                        .as("%s at %s", zone, at)
                        .isEqualTo(LocalDate.ofInstant(at, zone).toEpochDay());
            }
        }
    }

    @Test
    void aSeriesOutOfTimeOrderIsSortedWithItsAmounts() {
        long[] times = {30, 10, 20, 40};
        long[] amounts = {3, 1, 2, 4};

        PostgresReportReadings.inTimeOrder(times, amounts);

        assertThat(times).containsExactly(10, 20, 30, 40);
        assertThat(amounts).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aSeriesInTimeOrderIsLeftAsItIs() {
        long[] times = {10, 10, 20};
        long[] amounts = {1, 2, 3};

        PostgresReportReadings.inTimeOrder(times, amounts);

        assertThat(times).containsExactly(10, 10, 20);
        assertThat(amounts).containsExactly(1, 2, 3);
    }
}
