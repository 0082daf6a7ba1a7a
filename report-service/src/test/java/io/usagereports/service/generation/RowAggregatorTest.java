package io.usagereports.service.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usagereports.model.directory.TenantKind;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.service.generation.format.ReportDates;
import io.usagereports.service.generation.format.ReportRow;
import io.usagereports.service.generation.format.RowUsage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowAggregatorTest {

    private static final UUID T1 = new UUID(1, 1);
    private static final UUID T2 = new UUID(1, 2);
    private static final UUID NONE = RowPlan.ALL_USERS;
    private static final LocalDate[] DAYS =
            ReportDates.of(ReportKind.USAGE_DAILY, LocalDate.parse("2026-01-10"), LocalDate.parse("2026-01-13"), null);

    private final List<ReportRow> rows = List.of(
            new ReportRow(0, T1, "one", TenantKind.PARTNER, null, null, null),
            new ReportRow(1, T2, "two", TenantKind.CUSTOMER, T1, null, null),
            new ReportRow(2, T2, "two", TenantKind.CUSTOMER, T1, new UUID(2, 2), "ann"));
    private final List<String> emitted = new ArrayList<>();

    private RowAggregator aggregator(boolean hideZero) {
        return new RowAggregator(rows, DAYS, hideZero, (row, usages) -> {
            for (RowUsage u : usages) {
                emitted.add(row.no() + " " + u.usageName() + "/" + u.edition() + " " + u.unit() + " "
                        + java.util.Arrays.toString(u.values()));
            }
            if (usages.isEmpty()) {
                emitted.add(row.no() + " -");
            }
        });
    }

    private static long day(String date) {
        return LocalDate.parse(date).toEpochDay();
    }

    @Test
    void aSeriesCarriesItsLatestReadingForwardAndSeriesOfARowAddUp() throws Exception {
        RowAggregator a = aggregator(false);
        // Row 0: two series of "storage" (T1 itself, T2 below it); one reading before the period.
        a.reading(0, T1, "storage", "", NONE, day("2026-01-02"), 5);
        a.reading(0, T1, "storage", "", NONE, day("2026-01-11"), 7);
        a.reading(0, T1, "storage", "", NONE, day("2026-01-11"), 8); // later the same day: wins
        a.reading(0, T2, "storage", "", NONE, day("2026-01-12"), 100);
        a.finish();
        assertThat(emitted).containsExactly("0 storage/ quantity [5, 8, 108, 108]", "1 -", "2 -");
    }

    @Test
    void offeringItemsDescribeUsagesAndAddLinesToTenantRowsOnly() throws Exception {
        RowAggregator a = aggregator(false);
        a.offeringItem(1, "licenses", "pro", "quantity", "LIC-1");
        a.offeringItem(1, "storage", "", "bytes", "ST-1");
        a.offeringItem(1, "storage", "", "quantity", "a farther tenant's: ignored");
        a.reading(1, T2, "storage", "", NONE, day("2026-01-10"), 1);
        a.offeringItem(2, "licenses", "pro", "quantity", "LIC-1");
        a.offeringItem(2, "storage", "", "bytes", "ST-1");
        a.reading(2, T2, "storage", "", new UUID(2, 2), day("2026-01-13"), 4);
        a.finish();
        assertThat(emitted)
                .containsExactly(
                        "0 -",
                        "1 licenses/pro quantity [0, 0, 0, 0]",
                        "1 storage/ bytes [1, 1, 1, 1]",
                        "2 storage/ bytes [0, 0, 0, 4]");
    }

    @Test
    void hideZeroUsageDropsUsagesThatAreZeroOnEveryDate() throws Exception {
        RowAggregator a = aggregator(true);
        a.offeringItem(0, "licenses", "", "quantity", null);
        a.reading(0, T1, "zero", "", NONE, day("2026-01-10"), 0);
        a.reading(0, T1, "gone", "", NONE, day("2026-01-01"), 3);
        a.reading(0, T1, "gone", "", NONE, day("2026-01-10"), 0);
        a.reading(0, T1, "late", "", NONE, day("2026-01-13"), 2);
        a.finish();
        assertThat(emitted).containsExactly("0 late/ quantity [0, 0, 0, 2]", "1 -", "2 -");
    }

    @Test
    void rowsMustComeInOrder() throws Exception {
        RowAggregator a = aggregator(false);
        a.reading(1, T2, "x", "", NONE, day("2026-01-10"), 1);
        assertThatThrownBy(() -> a.reading(0, T1, "x", "", NONE, day("2026-01-10"), 1))
                .isInstanceOf(IllegalStateException.class);
    }
}
