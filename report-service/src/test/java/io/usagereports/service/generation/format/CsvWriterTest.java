package io.usagereports.service.generation.format;

import static io.usagereports.service.generation.format.GoldenReport.assertExactly;
import static io.usagereports.service.generation.format.GoldenReport.render;

import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import org.junit.jupiter.api.Test;

/**
 * Golden outputs of {@code csv}, the CSV for people and spreadsheets (docs/report-content.md,
 * Formats): titled columns {@code Tenant,Kind,User,Usage,Edition,Unit[,SKU],} then the kind's
 * value columns; tenant names, no IDs; a user row carries its tenant's name and the login in
 * {@code User}; storage ({@code bytes}) in GiB (1024³ bytes) with two decimals rounded half up,
 * unit {@code GiB}; other units as plain counts. Same rows and order as {@code csv_v2_0}, and the
 * same RFC 4180 writing (CRLF, minimal quoting, UTF-8 without BOM). See {@link GoldenReport}.
 */
class CsvWriterTest {

    private static final ReportFormat FORMAT = ReportFormat.CSV;

    @Test
    void usageSummaryShowsStartEndAndChangeInGibAndTheSkuColumnWhenShown() {
        // 134217728 bytes = 0.125 GiB -> 0.13; 1476395008 bytes = 1.375 GiB -> 1.38 (half up).
        assertExactly(render(FORMAT, ReportKind.USAGE_SUMMARY, true), """
                Tenant,Kind,User,Usage,Edition,Unit,SKU,Start value,End value,Change\r
                Bäckerei Müller,customer,,storage,standard,GiB,STG-STD-1,1.00,2.50,1.50\r
                Bäckerei Müller,customer,,workstations,,quantity,,3,2,-1\r
                Bäckerei Müller,customer,anna@baeckerei.example,storage,standard,GiB,STG-STD-1,0.50,0.00,-0.50\r
                "Smith, ""Jones"" & Co",customer,,storage,advanced,GiB,,0.13,1.50,1.38\r
                """);
    }

    @Test
    void usageDailyShowsDateAndValueAndNoSkuColumnWhenSkusAreNotShown() {
        assertExactly(render(FORMAT, ReportKind.USAGE_DAILY, false), """
                Tenant,Kind,User,Usage,Edition,Unit,Date,Value\r
                Bäckerei Müller,customer,,storage,standard,GiB,2026-04-01,1.00\r
                Bäckerei Müller,customer,,storage,standard,GiB,2026-04-02,1.50\r
                Bäckerei Müller,customer,,storage,standard,GiB,2026-04-03,2.50\r
                Bäckerei Müller,customer,,workstations,,quantity,2026-04-01,3\r
                Bäckerei Müller,customer,,workstations,,quantity,2026-04-02,4\r
                Bäckerei Müller,customer,,workstations,,quantity,2026-04-03,2\r
                Bäckerei Müller,customer,anna@baeckerei.example,storage,standard,GiB,2026-04-01,0.50\r
                Bäckerei Müller,customer,anna@baeckerei.example,storage,standard,GiB,2026-04-02,0.50\r
                Bäckerei Müller,customer,anna@baeckerei.example,storage,standard,GiB,2026-04-03,0.00\r
                "Smith, ""Jones"" & Co",customer,,storage,advanced,GiB,2026-04-01,0.13\r
                "Smith, ""Jones"" & Co",customer,,storage,advanced,GiB,2026-04-02,0.13\r
                "Smith, ""Jones"" & Co",customer,,storage,advanced,GiB,2026-04-03,1.50\r
                """);
    }

    @Test
    void usageBreakdownShowsDateValueAndChangeAgainstTheDayBefore() {
        assertExactly(render(FORMAT, ReportKind.USAGE_BREAKDOWN, false), """
                Tenant,Kind,User,Usage,Edition,Unit,Date,Value,Change\r
                Bäckerei Müller,customer,,storage,standard,GiB,2026-04-01,1.00,0.00\r
                Bäckerei Müller,customer,,storage,standard,GiB,2026-04-02,1.50,0.50\r
                Bäckerei Müller,customer,,storage,standard,GiB,2026-04-03,2.50,1.00\r
                Bäckerei Müller,customer,,workstations,,quantity,2026-04-01,3,0\r
                Bäckerei Müller,customer,,workstations,,quantity,2026-04-02,4,1\r
                Bäckerei Müller,customer,,workstations,,quantity,2026-04-03,2,-2\r
                Bäckerei Müller,customer,anna@baeckerei.example,storage,standard,GiB,2026-04-01,0.50,0.00\r
                Bäckerei Müller,customer,anna@baeckerei.example,storage,standard,GiB,2026-04-02,0.50,0.00\r
                Bäckerei Müller,customer,anna@baeckerei.example,storage,standard,GiB,2026-04-03,0.00,-0.50\r
                "Smith, ""Jones"" & Co",customer,,storage,advanced,GiB,2026-04-01,0.13,0.13\r
                "Smith, ""Jones"" & Co",customer,,storage,advanced,GiB,2026-04-02,0.13,0.00\r
                "Smith, ""Jones"" & Co",customer,,storage,advanced,GiB,2026-04-03,1.50,1.38\r
                """);
    }

    @Test
    void usageCurrentShowsTheValueDateAndValue() {
        assertExactly(render(FORMAT, ReportKind.USAGE_CURRENT, true), """
                Tenant,Kind,User,Usage,Edition,Unit,SKU,Date,Value\r
                Bäckerei Müller,customer,,storage,standard,GiB,STG-STD-1,2026-04-03,2.50\r
                Bäckerei Müller,customer,,workstations,,quantity,,2026-04-03,2\r
                Bäckerei Müller,customer,anna@baeckerei.example,storage,standard,GiB,STG-STD-1,2026-04-03,0.00\r
                "Smith, ""Jones"" & Co",customer,,storage,advanced,GiB,,2026-04-03,1.50\r
                """);
    }

    @Test
    void aRowLeftWithoutLinesByHideZeroUsageWritesNothing() {
        ReportSpec spec = GoldenReport.spec(ReportKind.USAGE_CURRENT, true);
        assertExactly(render(FORMAT, spec, GoldenReport.rowsWithoutLines(spec)), """
                Tenant,Kind,User,Usage,Edition,Unit,SKU,Date,Value\r
                "Smith, ""Jones"" & Co",customer,,storage,advanced,GiB,,2026-04-03,1.50\r
                """);
    }
}
