package io.usagereports.service.generation.format;

import static io.usagereports.service.generation.format.GoldenReport.assertExactly;
import static io.usagereports.service.generation.format.GoldenReport.render;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden outputs of {@code csv_v2_0} (docs/api.md §6), the exact machine-readable CSV: RFC 4180
 * with CRLF after every record (the header and the last line too), a field quoted only when it
 * holds a comma, a double quote, CR or LF (quotes doubled), UTF-8 without BOM, one header, raw
 * values (bytes stay bytes), all fifteen columns on every line, those that do not apply empty.
 * The user row (level {@code accounts}) repeats its tenant's columns and fills {@code user_id};
 * {@code parent_id} is the real parent, a folder for Smith. See {@link GoldenReport} for the data.
 */
class CsvV2WriterTest {

    private static final ReportFormat FORMAT = ReportFormat.CSV_V2_0;

    @Test
    void usageSummaryHasStartEndAndDeltaAndTheSkuWhenShown() {
        assertExactly(render(FORMAT, ReportKind.USAGE_SUMMARY, true), """
                tenant_id,tenant_name,tenant_kind,parent_id,user_id,usage_name,edition,measurement_unit,sku,date,value,start_value,end_value,delta,change\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,,storage,standard,bytes,STG-STD-1,,,1073741824,2684354560,1610612736,\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,,workstations,,quantity,,,,3,2,-1,\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,9c4e5f60-3333-4c33-ac33-333333333333,storage,standard,bytes,STG-STD-1,,,536870912,0,-536870912,\r
                8d5e6f70-5555-4e55-8e55-555555555555,"Smith, ""Jones"" & Co",customer,4b3c2d50-4444-4d44-bd44-444444444444,,storage,advanced,bytes,,,,134217728,1610612736,1476395008,\r
                """);
    }

    @Test
    void usageDailyHasALinePerDayWithDateAndValueAndAnEmptySkuColumnWhenSkusAreNotShown() {
        assertExactly(render(FORMAT, ReportKind.USAGE_DAILY, false), """
                tenant_id,tenant_name,tenant_kind,parent_id,user_id,usage_name,edition,measurement_unit,sku,date,value,start_value,end_value,delta,change\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,,storage,standard,bytes,,2026-04-01,1073741824,,,,\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,,storage,standard,bytes,,2026-04-02,1610612736,,,,\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,,storage,standard,bytes,,2026-04-03,2684354560,,,,\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,,workstations,,quantity,,2026-04-01,3,,,,\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,,workstations,,quantity,,2026-04-02,4,,,,\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,,workstations,,quantity,,2026-04-03,2,,,,\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,9c4e5f60-3333-4c33-ac33-333333333333,storage,standard,bytes,,2026-04-01,536870912,,,,\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,9c4e5f60-3333-4c33-ac33-333333333333,storage,standard,bytes,,2026-04-02,536870912,,,,\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,9c4e5f60-3333-4c33-ac33-333333333333,storage,standard,bytes,,2026-04-03,0,,,,\r
                8d5e6f70-5555-4e55-8e55-555555555555,"Smith, ""Jones"" & Co",customer,4b3c2d50-4444-4d44-bd44-444444444444,,storage,advanced,bytes,,2026-04-01,134217728,,,,\r
                8d5e6f70-5555-4e55-8e55-555555555555,"Smith, ""Jones"" & Co",customer,4b3c2d50-4444-4d44-bd44-444444444444,,storage,advanced,bytes,,2026-04-02,134217728,,,,\r
                8d5e6f70-5555-4e55-8e55-555555555555,"Smith, ""Jones"" & Co",customer,4b3c2d50-4444-4d44-bd44-444444444444,,storage,advanced,bytes,,2026-04-03,1610612736,,,,\r
                """);
    }

    @Test
    void usageBreakdownHasALinePerDayWithTheChangeAgainstTheDayBefore() {
        // The first day's change is measured against 2026-03-31, the day before the period.
        assertExactly(render(FORMAT, ReportKind.USAGE_BREAKDOWN, false), """
                tenant_id,tenant_name,tenant_kind,parent_id,user_id,usage_name,edition,measurement_unit,sku,date,value,start_value,end_value,delta,change\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,,storage,standard,bytes,,2026-04-01,1073741824,,,,0\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,,storage,standard,bytes,,2026-04-02,1610612736,,,,536870912\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,,storage,standard,bytes,,2026-04-03,2684354560,,,,1073741824\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,,workstations,,quantity,,2026-04-01,3,,,,0\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,,workstations,,quantity,,2026-04-02,4,,,,1\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,,workstations,,quantity,,2026-04-03,2,,,,-2\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,9c4e5f60-3333-4c33-ac33-333333333333,storage,standard,bytes,,2026-04-01,536870912,,,,0\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,9c4e5f60-3333-4c33-ac33-333333333333,storage,standard,bytes,,2026-04-02,536870912,,,,0\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,9c4e5f60-3333-4c33-ac33-333333333333,storage,standard,bytes,,2026-04-03,0,,,,-536870912\r
                8d5e6f70-5555-4e55-8e55-555555555555,"Smith, ""Jones"" & Co",customer,4b3c2d50-4444-4d44-bd44-444444444444,,storage,advanced,bytes,,2026-04-01,134217728,,,,134217728\r
                8d5e6f70-5555-4e55-8e55-555555555555,"Smith, ""Jones"" & Co",customer,4b3c2d50-4444-4d44-bd44-444444444444,,storage,advanced,bytes,,2026-04-02,134217728,,,,0\r
                8d5e6f70-5555-4e55-8e55-555555555555,"Smith, ""Jones"" & Co",customer,4b3c2d50-4444-4d44-bd44-444444444444,,storage,advanced,bytes,,2026-04-03,1610612736,,,,1476395008\r
                """);
    }

    @Test
    void usageCurrentHasOneLinePerUsageDatedWithTheValueDate() {
        assertExactly(render(FORMAT, ReportKind.USAGE_CURRENT, true), """
                tenant_id,tenant_name,tenant_kind,parent_id,user_id,usage_name,edition,measurement_unit,sku,date,value,start_value,end_value,delta,change\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,,storage,standard,bytes,STG-STD-1,2026-04-03,2684354560,,,,\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,,workstations,,quantity,,2026-04-03,2,,,,\r
                7a2d3b40-2222-4b22-9b22-222222222222,Bäckerei Müller,customer,5f0c9a10-1111-4a11-8a11-111111111111,9c4e5f60-3333-4c33-ac33-333333333333,storage,standard,bytes,STG-STD-1,2026-04-03,0,,,,\r
                8d5e6f70-5555-4e55-8e55-555555555555,"Smith, ""Jones"" & Co",customer,4b3c2d50-4444-4d44-bd44-444444444444,,storage,advanced,bytes,,2026-04-03,1610612736,,,,\r
                """);
    }

    @Test
    void aRowLeftWithoutLinesByHideZeroUsageWritesNothing() {
        ReportSpec spec = GoldenReport.spec(ReportKind.USAGE_CURRENT, true);
        assertExactly(render(FORMAT, spec, GoldenReport.rowsWithoutLines(spec)), """
                tenant_id,tenant_name,tenant_kind,parent_id,user_id,usage_name,edition,measurement_unit,sku,date,value,start_value,end_value,delta,change\r
                8d5e6f70-5555-4e55-8e55-555555555555,"Smith, ""Jones"" & Co",customer,4b3c2d50-4444-4d44-bd44-444444444444,,storage,advanced,bytes,,2026-04-03,1610612736,,,,\r
                """);
    }

    @Test
    void isUtf8WithoutBomWithCrlfLineEnds() {
        byte[] out = render(FORMAT, ReportKind.USAGE_CURRENT, false);
        // "tenant_id" right away: no byte order mark (EF BB BF).
        assertThat(out).startsWith("tenant_id,".getBytes(US_ASCII));
        // "ä" of Bäckerei as UTF-8 (C3 A4), not ISO-8859-1 (E4).
        assertThat(new String(out, ISO_8859_1)).contains("B\u00c3\u00a4ckerei");
        // Every record, the last one included, ends in CRLF, and there is no bare CR or LF.
        String text = new String(out, UTF_8);
        assertThat(text).endsWith("\r\n");
        assertThat(text.split("\r\n", -1)).hasSize(6).endsWith("");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    }

    /** Every number as {@link Long#toString}: the writer formats digits itself, two at a time. */
    @Test
    void writesEveryNumberAsItsDecimalDigits() {
        long[] values = {
            0,
            7,
            9,
            10,
            42,
            99,
            100,
            101,
            999,
            1000,
            1_000_000_007L,
            1073741824L,
            9_999_999_999L,
            10_000_000_000L,
            123_456_789_012_345_678L,
            999_999_999_999_999_999L,
            1_000_000_000_000_000_000L,
            Long.MAX_VALUE,
            -1,
            -10,
            -99,
            -100,
            -2_684_354_560L,
            Long.MIN_VALUE + 1,
            Long.MIN_VALUE
        };
        ReportSpec spec = GoldenReport.spec(ReportKind.USAGE_CURRENT, false);
        List<RowUsage> usages = new ArrayList<>();
        for (long v : values) {
            usages.add(new RowUsage("storage", "", "bytes", null, new long[] {v}));
        }
        String text = new String(
                GoldenReport.render(FORMAT, spec, List.of(new GoldenReport.Row(GoldenReport.BAECKEREI, usages))),
                UTF_8);
        List<String> written =
                text.lines().skip(1).map(line -> line.split(",", -1)[10]).toList();
        assertThat(written)
                .containsExactlyElementsOf(
                        Arrays.stream(values).mapToObj(Long::toString).toList());
    }
}
