package io.usagereports.service.generation.format;

import static io.usagereports.service.generation.format.GoldenReport.assertJsonExactly;
import static io.usagereports.service.generation.format.GoldenReport.render;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.model.directory.TenantKind;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Golden outputs of {@code json_v2_0} (docs/api.md §6), exact and compact (one line, no line
 * break at the end, UTF-8, non-ASCII characters as they are): {@code {"params":{…},"tenants":[…]}}.
 * {@code params}: {@code kind} and {@code report_type} numeric (current 8, summary 5, daily 4,
 * breakdown 6), {@code report_level} numeric (accounts 3, itself 0), {@code gen_date} the due
 * time and {@code begin_date}/{@code end_date} 00:00 of the first and last day, as UNIX seconds,
 * {@code name} and {@code tenant_id} of the subject, {@code kind_name}, {@code level_name}. One
 * tenant object per tenant row, {@code parent_id} always present (its real parent, a folder
 * for Smith); a user row's lines join its tenant's {@code usages} with {@code user_id}; in a
 * usage, {@code edition} is always present ({@code ""} when none), {@code sku} only with
 * {@code show_skus} and an SKU, the kind's value fields only. The text blocks below break the one
 * line for reading only (a {@code \} at the end of a line joins it to the next).
 */
class JsonV2WriterTest {

    private static final ReportFormat FORMAT = ReportFormat.JSON_V2_0;

    @Test
    void usageSummaryHasStartEndAndDeltaAndTheSkuWhenShown() {
        assertJsonExactly(render(FORMAT, ReportKind.USAGE_SUMMARY, true), """
                {"params":{"kind":5,"report_type":5,"report_level":3,"gen_date":1775284215,\
                "begin_date":1775001600,"end_date":1775174400,"name":"Acme Cloud",\
                "tenant_id":"5f0c9a10-1111-4a11-8a11-111111111111","kind_name":"usage_summary","level_name":"accounts"},\
                "tenants":[\
                {"id":"7a2d3b40-2222-4b22-9b22-222222222222","name":"Bäckerei Müller","kind":"customer",\
                "parent_id":"5f0c9a10-1111-4a11-8a11-111111111111","usages":[\
                {"usage_name":"storage","edition":"standard","measurement_unit":"bytes","sku":"STG-STD-1",\
                "start_value":1073741824,"end_value":2684354560,"delta":1610612736},\
                {"usage_name":"workstations","edition":"","measurement_unit":"quantity",\
                "start_value":3,"end_value":2,"delta":-1},\
                {"usage_name":"storage","edition":"standard","measurement_unit":"bytes","sku":"STG-STD-1",\
                "user_id":"9c4e5f60-3333-4c33-ac33-333333333333",\
                "start_value":536870912,"end_value":0,"delta":-536870912}]},\
                {"id":"8d5e6f70-5555-4e55-8e55-555555555555","name":"Smith, \\"Jones\\" & Co","kind":"customer",\
                "parent_id":"4b3c2d50-4444-4d44-bd44-444444444444","usages":[\
                {"usage_name":"storage","edition":"advanced","measurement_unit":"bytes",\
                "start_value":134217728,"end_value":1610612736,"delta":1476395008}]}]}""");
    }

    @Test
    void usageDailyHasALinePerDayWithDateAndValueAndNoSkuWhenSkusAreNotShown() {
        assertJsonExactly(render(FORMAT, ReportKind.USAGE_DAILY, false), """
                {"params":{"kind":4,"report_type":4,"report_level":3,"gen_date":1775284215,\
                "begin_date":1775001600,"end_date":1775174400,"name":"Acme Cloud",\
                "tenant_id":"5f0c9a10-1111-4a11-8a11-111111111111","kind_name":"usage_daily","level_name":"accounts"},\
                "tenants":[\
                {"id":"7a2d3b40-2222-4b22-9b22-222222222222","name":"Bäckerei Müller","kind":"customer",\
                "parent_id":"5f0c9a10-1111-4a11-8a11-111111111111","usages":[\
                {"usage_name":"storage","edition":"standard","measurement_unit":"bytes","date":"2026-04-01","value":1073741824},\
                {"usage_name":"storage","edition":"standard","measurement_unit":"bytes","date":"2026-04-02","value":1610612736},\
                {"usage_name":"storage","edition":"standard","measurement_unit":"bytes","date":"2026-04-03","value":2684354560},\
                {"usage_name":"workstations","edition":"","measurement_unit":"quantity","date":"2026-04-01","value":3},\
                {"usage_name":"workstations","edition":"","measurement_unit":"quantity","date":"2026-04-02","value":4},\
                {"usage_name":"workstations","edition":"","measurement_unit":"quantity","date":"2026-04-03","value":2},\
                {"usage_name":"storage","edition":"standard","measurement_unit":"bytes",\
                "user_id":"9c4e5f60-3333-4c33-ac33-333333333333","date":"2026-04-01","value":536870912},\
                {"usage_name":"storage","edition":"standard","measurement_unit":"bytes",\
                "user_id":"9c4e5f60-3333-4c33-ac33-333333333333","date":"2026-04-02","value":536870912},\
                {"usage_name":"storage","edition":"standard","measurement_unit":"bytes",\
                "user_id":"9c4e5f60-3333-4c33-ac33-333333333333","date":"2026-04-03","value":0}]},\
                {"id":"8d5e6f70-5555-4e55-8e55-555555555555","name":"Smith, \\"Jones\\" & Co","kind":"customer",\
                "parent_id":"4b3c2d50-4444-4d44-bd44-444444444444","usages":[\
                {"usage_name":"storage","edition":"advanced","measurement_unit":"bytes","date":"2026-04-01","value":134217728},\
                {"usage_name":"storage","edition":"advanced","measurement_unit":"bytes","date":"2026-04-02","value":134217728},\
                {"usage_name":"storage","edition":"advanced","measurement_unit":"bytes","date":"2026-04-03","value":1610612736}]}]}""");
    }

    @Test
    void usageBreakdownHasALinePerDayWithTheChangeAgainstTheDayBefore() {
        // begin_date is the period's first day (2026-04-01), not the day before that the first change is measured from.
        assertJsonExactly(render(FORMAT, ReportKind.USAGE_BREAKDOWN, false), """
                {"params":{"kind":6,"report_type":6,"report_level":3,"gen_date":1775284215,\
                "begin_date":1775001600,"end_date":1775174400,"name":"Acme Cloud",\
                "tenant_id":"5f0c9a10-1111-4a11-8a11-111111111111","kind_name":"usage_breakdown","level_name":"accounts"},\
                "tenants":[\
                {"id":"7a2d3b40-2222-4b22-9b22-222222222222","name":"Bäckerei Müller","kind":"customer",\
                "parent_id":"5f0c9a10-1111-4a11-8a11-111111111111","usages":[\
                {"usage_name":"storage","edition":"standard","measurement_unit":"bytes",\
                "date":"2026-04-01","value":1073741824,"change":0},\
                {"usage_name":"storage","edition":"standard","measurement_unit":"bytes",\
                "date":"2026-04-02","value":1610612736,"change":536870912},\
                {"usage_name":"storage","edition":"standard","measurement_unit":"bytes",\
                "date":"2026-04-03","value":2684354560,"change":1073741824},\
                {"usage_name":"workstations","edition":"","measurement_unit":"quantity","date":"2026-04-01","value":3,"change":0},\
                {"usage_name":"workstations","edition":"","measurement_unit":"quantity","date":"2026-04-02","value":4,"change":1},\
                {"usage_name":"workstations","edition":"","measurement_unit":"quantity","date":"2026-04-03","value":2,"change":-2},\
                {"usage_name":"storage","edition":"standard","measurement_unit":"bytes",\
                "user_id":"9c4e5f60-3333-4c33-ac33-333333333333","date":"2026-04-01","value":536870912,"change":0},\
                {"usage_name":"storage","edition":"standard","measurement_unit":"bytes",\
                "user_id":"9c4e5f60-3333-4c33-ac33-333333333333","date":"2026-04-02","value":536870912,"change":0},\
                {"usage_name":"storage","edition":"standard","measurement_unit":"bytes",\
                "user_id":"9c4e5f60-3333-4c33-ac33-333333333333","date":"2026-04-03","value":0,"change":-536870912}]},\
                {"id":"8d5e6f70-5555-4e55-8e55-555555555555","name":"Smith, \\"Jones\\" & Co","kind":"customer",\
                "parent_id":"4b3c2d50-4444-4d44-bd44-444444444444","usages":[\
                {"usage_name":"storage","edition":"advanced","measurement_unit":"bytes",\
                "date":"2026-04-01","value":134217728,"change":134217728},\
                {"usage_name":"storage","edition":"advanced","measurement_unit":"bytes",\
                "date":"2026-04-02","value":134217728,"change":0},\
                {"usage_name":"storage","edition":"advanced","measurement_unit":"bytes",\
                "date":"2026-04-03","value":1610612736,"change":1476395008}]}]}""");
    }

    @Test
    void usageCurrentHasTheValueDateAsBeginAndEndDate() {
        assertJsonExactly(render(FORMAT, ReportKind.USAGE_CURRENT, true), """
                {"params":{"kind":8,"report_type":8,"report_level":3,"gen_date":1775284215,\
                "begin_date":1775174400,"end_date":1775174400,"name":"Acme Cloud",\
                "tenant_id":"5f0c9a10-1111-4a11-8a11-111111111111","kind_name":"usage_current","level_name":"accounts"},\
                "tenants":[\
                {"id":"7a2d3b40-2222-4b22-9b22-222222222222","name":"Bäckerei Müller","kind":"customer",\
                "parent_id":"5f0c9a10-1111-4a11-8a11-111111111111","usages":[\
                {"usage_name":"storage","edition":"standard","measurement_unit":"bytes","sku":"STG-STD-1",\
                "date":"2026-04-03","value":2684354560},\
                {"usage_name":"workstations","edition":"","measurement_unit":"quantity","date":"2026-04-03","value":2},\
                {"usage_name":"storage","edition":"standard","measurement_unit":"bytes","sku":"STG-STD-1",\
                "user_id":"9c4e5f60-3333-4c33-ac33-333333333333","date":"2026-04-03","value":0}]},\
                {"id":"8d5e6f70-5555-4e55-8e55-555555555555","name":"Smith, \\"Jones\\" & Co","kind":"customer",\
                "parent_id":"4b3c2d50-4444-4d44-bd44-444444444444","usages":[\
                {"usage_name":"storage","edition":"advanced","measurement_unit":"bytes",\
                "date":"2026-04-03","value":1610612736}]}]}""");
    }

    @Test
    void aTenantRowLeftWithoutLinesKeepsItsObjectWithEmptyUsagesAndAUserRowDisappears() {
        ReportSpec spec = GoldenReport.spec(ReportKind.USAGE_CURRENT, true);
        assertJsonExactly(render(FORMAT, spec, GoldenReport.rowsWithoutLines(spec)), """
                {"params":{"kind":8,"report_type":8,"report_level":3,"gen_date":1775284215,\
                "begin_date":1775174400,"end_date":1775174400,"name":"Acme Cloud",\
                "tenant_id":"5f0c9a10-1111-4a11-8a11-111111111111","kind_name":"usage_current","level_name":"accounts"},\
                "tenants":[\
                {"id":"7a2d3b40-2222-4b22-9b22-222222222222","name":"Bäckerei Müller","kind":"customer",\
                "parent_id":"5f0c9a10-1111-4a11-8a11-111111111111","usages":[]},\
                {"id":"8d5e6f70-5555-4e55-8e55-555555555555","name":"Smith, \\"Jones\\" & Co","kind":"customer",\
                "parent_id":"4b3c2d50-4444-4d44-bd44-444444444444","usages":[\
                {"usage_name":"storage","edition":"advanced","measurement_unit":"bytes",\
                "date":"2026-04-03","value":1610612736}]}]}""");
    }

    @Test
    void theRootAtLevelItselfHasANullParentId() {
        UUID rootId = UUID.fromString("00c0ffee-0000-4000-8000-000000000000");
        ReportSpec spec = new ReportSpec(
                rootId,
                "Root",
                ReportKind.USAGE_CURRENT,
                ReportLevel.ITSELF,
                GoldenReport.END,
                GoldenReport.END,
                false,
                false,
                GoldenReport.GENERATED_AT,
                ZoneOffset.UTC);
        ReportRow root = new ReportRow(0, rootId, "Root", TenantKind.ROOT, null, null, null);
        List<GoldenReport.Row> rows = List.of(new GoldenReport.Row(
                root, List.of(new RowUsage("storage", "", "bytes", null, new long[] {1610612736L}))));
        assertJsonExactly(render(FORMAT, spec, rows), """
                {"params":{"kind":8,"report_type":8,"report_level":0,"gen_date":1775284215,\
                "begin_date":1775174400,"end_date":1775174400,"name":"Root",\
                "tenant_id":"00c0ffee-0000-4000-8000-000000000000","kind_name":"usage_current","level_name":"itself"},\
                "tenants":[\
                {"id":"00c0ffee-0000-4000-8000-000000000000","name":"Root","kind":"root","parent_id":null,"usages":[\
                {"usage_name":"storage","edition":"","measurement_unit":"bytes","date":"2026-04-03","value":1610612736}]}]}""");
    }

    @Test
    void beginAndEndDateAreMidnightInTheReportsTimeZone() {
        // Europe/Berlin is at +02:00 in April 2026: 2026-04-01T00:00+02:00 = 1774994400,
        // 2026-04-03T00:00+02:00 = 1775167200 (in UTC they would be 1775001600 and 1775174400).
        // gen_date, the due instant, does not depend on the zone.
        ReportSpec spec =
                GoldenReport.spec(ReportKind.USAGE_SUMMARY, ReportLevel.ACCOUNTS, false, ZoneId.of("Europe/Berlin"));
        String out = new String(render(FORMAT, spec, GoldenReport.rows(spec)), UTF_8);
        assertThat(out).startsWith("""
                {"params":{"kind":5,"report_type":5,"report_level":3,"gen_date":1775284215,\
                "begin_date":1774994400,"end_date":1775167200,"name":"Acme Cloud",\
                "tenant_id":"5f0c9a10-1111-4a11-8a11-111111111111","kind_name":"usage_summary","level_name":"accounts"},\
                "tenants":[{"id":"7a2d3b40-2222-4b22-9b22-222222222222",""");
    }
}
