package io.usagereports.service.generation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresReportReadingsTest {

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
