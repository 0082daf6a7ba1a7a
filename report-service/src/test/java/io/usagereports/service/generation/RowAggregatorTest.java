package io.usagereports.service.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usagereports.model.directory.TenantKind;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.service.directory.TreeTenant;
import io.usagereports.service.directory.TreeUser;
import io.usagereports.service.generation.format.ReportDates;
import io.usagereports.service.generation.format.RowUsage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowAggregatorTest {

    //  S subject (not a row at level accounts)
    //  └── P partner "one"                 row 0
    //      ├── F folder (reads into row 0)
    //      ├── C customer "two"            row 1, and its user ann: row 2
    //      └── D customer "zz"             row 3
    private static final UUID S = new UUID(1, 0);
    private static final UUID P = new UUID(1, 1);
    private static final UUID F = new UUID(1, 2);
    private static final UUID C = new UUID(1, 3);
    private static final UUID D = new UUID(1, 4);
    private static final UUID ANN = new UUID(2, 2);
    private static final UUID NONE = RowPlan.ALL_USERS;
    private static final LocalDate[] DAYS =
            ReportDates.of(ReportKind.USAGE_DAILY, LocalDate.parse("2026-01-10"), LocalDate.parse("2026-01-13"), null);

    private final RowPlan plan = RowPlan.of(
            S,
            ReportLevel.ACCOUNTS,
            List.of(
                    new TreeTenant(S, null, TenantKind.PARTNER, "subject"),
                    new TreeTenant(P, S, TenantKind.PARTNER, "one"),
                    new TreeTenant(F, P, TenantKind.FOLDER, "a folder"),
                    new TreeTenant(C, P, TenantKind.CUSTOMER, "two"),
                    new TreeTenant(D, P, TenantKind.CUSTOMER, "zz")),
            Map.of(C, List.of(new TreeUser(ANN, C, "ann"))));
    private final List<String> emitted = new ArrayList<>();

    private RowAggregator aggregator(boolean hideZero) {
        return aggregator(hideZero, RowAggregator.HELD_VALUES_IN_MEMORY);
    }

    private RowAggregator aggregator(boolean hideZero, int heldValuesInMemory) {
        return new RowAggregator(
                plan,
                DAYS,
                hideZero,
                (row, usages) -> {
                    for (RowUsage u : usages) {
                        emitted.add(row.no() + " " + u.usageName() + "/" + u.edition() + " " + u.unit() + " " + u.sku()
                                + " " + Arrays.toString(u.values()));
                    }
                    if (usages.isEmpty()) {
                        emitted.add(row.no() + " -");
                    }
                },
                heldValuesInMemory);
    }

    private static long day(String date) {
        return LocalDate.parse(date).toEpochDay();
    }

    @Test
    void theRowsAreTheOnesOfTheTreeAndEachTenantIsReadForOneRowOnly() {
        assertThat(plan.rows())
                .extracting(r -> r.tenantId() + "/" + r.userId())
                .containsExactly(P + "/null", C + "/null", C + "/" + ANN, D + "/null");
        assertThat(plan.members())
                .containsExactly(
                        new RowPlan.Member(0, 0, P, NONE),
                        new RowPlan.Member(0, 1, F, NONE),
                        new RowPlan.Member(1, 0, C, NONE),
                        new RowPlan.Member(2, 0, C, ANN),
                        new RowPlan.Member(3, 0, D, NONE));
        assertThat(plan.parentRow(1)).isZero();
        assertThat(plan.parentRow(2)).as("a user row adds into nothing").isEqualTo(-1);
        assertThat(plan.subtreeEnd(0)).isEqualTo(3);
    }

    @Test
    void aSeriesCarriesItsLatestReadingForwardAndRowsAddUpIntoTheRowAboveThem() throws Exception {
        try (RowAggregator a = aggregator(false)) {
            a.reading(0, P, "storage", "", NONE, day("2026-01-02"), 5); // before the period: carried in
            a.reading(0, P, "storage", "", NONE, day("2026-01-11"), 7);
            a.reading(0, P, "storage", "", NONE, day("2026-01-11"), 8); // later the same day: wins
            a.reading(0, F, "storage", "", NONE, day("2026-01-12"), 1000);
            a.reading(1, C, "storage", "", NONE, day("2026-01-12"), 100);
            a.reading(2, C, "storage", "", ANN, day("2026-01-13"), 40);
            a.reading(3, D, "devices", "", NONE, day("2026-01-10"), 3);
            a.finish();
        }
        // Row 0 is written first though it is complete last: it holds rows 1-3 back until then.
        assertThat(emitted)
                .containsExactly(
                        "0 devices/ quantity null [3, 3, 3, 3]",
                        "0 storage/ quantity null [5, 8, 1108, 1108]",
                        "1 storage/ quantity null [0, 0, 100, 100]",
                        "2 storage/ quantity null [0, 0, 0, 40]",
                        "3 devices/ quantity null [3, 3, 3, 3]");
    }

    @Test
    void rowsHeldBackInATemporaryFileComeOutTheSame() throws Exception {
        try (RowAggregator a = aggregator(false, 1)) {
            a.reading(0, P, "storage", "", NONE, day("2026-01-11"), 8);
            a.offeringItem(1, 0, C, "storage", "", "bytes", "ST-1");
            a.reading(1, C, "storage", "", NONE, day("2026-01-12"), 100);
            a.reading(2, C, "storage", "", ANN, day("2026-01-13"), 40);
            a.reading(3, D, "devices", "", NONE, day("2026-01-10"), 3);
            a.finish();
        }
        assertThat(emitted)
                .containsExactly(
                        "0 devices/ quantity null [3, 3, 3, 3]",
                        "0 storage/ bytes ST-1 [0, 8, 108, 108]",
                        "1 storage/ bytes ST-1 [0, 0, 100, 100]",
                        "2 storage/ quantity null [0, 0, 0, 40]",
                        "3 devices/ quantity null [3, 3, 3, 3]");
    }

    @Test
    void theNearestOfferingItemDescribesAUsageAndAddsItsLineToTenantRowsOnly() throws Exception {
        try (RowAggregator a = aggregator(false)) {
            a.offeringItem(0, 1, F, "storage", "", "quantity", "the folder's: farther than P's own");
            a.offeringItem(0, 0, P, "storage", "", "bytes", "ST-P");
            a.offeringItem(1, 0, C, "licenses", "pro", "quantity", "LIC-C");
            a.offeringItem(1, 0, C, "storage", "", "bytes", "ST-C");
            a.reading(1, C, "storage", "", NONE, day("2026-01-10"), 1);
            a.offeringItem(2, 0, C, "licenses", "pro", "quantity", "LIC-C");
            a.offeringItem(2, 0, C, "storage", "", "bytes", "ST-C");
            a.reading(2, C, "storage", "", ANN, day("2026-01-13"), 4);
            a.finish();
        }
        assertThat(emitted)
                .containsExactly(
                        // C's licenses line rolls up into P's row, described by C, the only one that does.
                        "0 licenses/pro quantity LIC-C [0, 0, 0, 0]",
                        "0 storage/ bytes ST-P [1, 1, 1, 1]",
                        "1 licenses/pro quantity LIC-C [0, 0, 0, 0]",
                        "1 storage/ bytes ST-C [1, 1, 1, 1]",
                        "2 storage/ bytes ST-C [0, 0, 0, 4]",
                        "3 -");
    }

    @Test
    void hideZeroUsageDropsUsagesThatAreZeroOnEveryDateAfterTheRollUp() throws Exception {
        try (RowAggregator a = aggregator(true)) {
            a.offeringItem(0, 0, P, "licenses", "", "quantity", null);
            a.reading(0, P, "zero", "", NONE, day("2026-01-10"), 0);
            a.reading(0, P, "gone", "", NONE, day("2026-01-01"), 3);
            a.reading(0, P, "gone", "", NONE, day("2026-01-10"), 0);
            a.reading(1, C, "late", "", NONE, day("2026-01-13"), 2);
            a.finish();
        }
        assertThat(emitted)
                .containsExactly(
                        "0 late/ quantity null [0, 0, 0, 2]", "1 late/ quantity null [0, 0, 0, 2]", "2 -", "3 -");
    }

    @Test
    void rowsMustComeInOrder() throws Exception {
        try (RowAggregator a = aggregator(false)) {
            a.reading(1, C, "x", "", NONE, day("2026-01-10"), 1);
            assertThatThrownBy(() -> a.reading(0, P, "x", "", NONE, day("2026-01-10"), 1))
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
