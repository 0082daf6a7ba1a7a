package io.usagereports.service.generation.format;

import static io.usagereports.service.generation.format.GoldenReport.assertJsonExactly;
import static io.usagereports.service.generation.format.GoldenReport.render;

import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import org.junit.jupiter.api.Test;

/**
 * Golden outputs of {@code json_v1}, for older tooling (docs/report-content.md, Formats): compact
 * JSON on one line, {@code {"report":{tenant_id, tenant_name, kind, level, start_date, end_date,
 * generated_at},"lines":[…]}} with names, ISO dates and an RFC 3339 timestamp (not the platform's
 * numeric codes and UNIX seconds of {@code json_v2_0}); one flat object per line carrying its
 * tenant ({@code tenant_id}, {@code tenant_name}, {@code tenant_kind}; no {@code parent_id}), a
 * user row's {@code user_id} and {@code user_login}, {@code usage_name}, {@code edition} only if
 * there is one, {@code measurement_unit}, {@code sku} only with {@code show_skus} and an SKU,
 * then the kind's value fields, raw. The text blocks break the one line for reading only (a
 * {@code \} at the end of a line joins it to the next).
 */
class JsonV1WriterTest {

    private static final ReportFormat FORMAT = ReportFormat.JSON_V1;

    @Test
    void usageSummaryHasStartEndAndDeltaAndTheSkuWhenShown() {
        assertJsonExactly(render(FORMAT, ReportKind.USAGE_SUMMARY, true), """
                {"report":{"tenant_id":"5f0c9a10-1111-4a11-8a11-111111111111","tenant_name":"Acme Cloud",\
                "kind":"usage_summary","level":"accounts","start_date":"2026-04-01","end_date":"2026-04-03",\
                "generated_at":"2026-04-04T06:30:15+00:00"},\
                "lines":[\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "usage_name":"storage","edition":"standard","measurement_unit":"bytes","sku":"STG-STD-1",\
                "start_value":1073741824,"end_value":2684354560,"delta":1610612736},\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "usage_name":"workstations","measurement_unit":"quantity",\
                "start_value":3,"end_value":2,"delta":-1},\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "user_id":"9c4e5f60-3333-4c33-ac33-333333333333","user_login":"anna@baeckerei.example",\
                "usage_name":"storage","edition":"standard","measurement_unit":"bytes","sku":"STG-STD-1",\
                "start_value":536870912,"end_value":0,"delta":-536870912},\
                {"tenant_id":"8d5e6f70-5555-4e55-8e55-555555555555","tenant_name":"Smith, \\"Jones\\" & Co","tenant_kind":"customer",\
                "usage_name":"storage","edition":"advanced","measurement_unit":"bytes",\
                "start_value":134217728,"end_value":1610612736,"delta":1476395008}]}""");
    }

    @Test
    void usageDailyHasALinePerDayWithDateAndValueAndNoSkuWhenSkusAreNotShown() {
        assertJsonExactly(render(FORMAT, ReportKind.USAGE_DAILY, false), """
                {"report":{"tenant_id":"5f0c9a10-1111-4a11-8a11-111111111111","tenant_name":"Acme Cloud",\
                "kind":"usage_daily","level":"accounts","start_date":"2026-04-01","end_date":"2026-04-03",\
                "generated_at":"2026-04-04T06:30:15+00:00"},\
                "lines":[\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "usage_name":"storage","edition":"standard","measurement_unit":"bytes","date":"2026-04-01","value":1073741824},\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "usage_name":"storage","edition":"standard","measurement_unit":"bytes","date":"2026-04-02","value":1610612736},\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "usage_name":"storage","edition":"standard","measurement_unit":"bytes","date":"2026-04-03","value":2684354560},\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "usage_name":"workstations","measurement_unit":"quantity","date":"2026-04-01","value":3},\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "usage_name":"workstations","measurement_unit":"quantity","date":"2026-04-02","value":4},\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "usage_name":"workstations","measurement_unit":"quantity","date":"2026-04-03","value":2},\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "user_id":"9c4e5f60-3333-4c33-ac33-333333333333","user_login":"anna@baeckerei.example",\
                "usage_name":"storage","edition":"standard","measurement_unit":"bytes","date":"2026-04-01","value":536870912},\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "user_id":"9c4e5f60-3333-4c33-ac33-333333333333","user_login":"anna@baeckerei.example",\
                "usage_name":"storage","edition":"standard","measurement_unit":"bytes","date":"2026-04-02","value":536870912},\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "user_id":"9c4e5f60-3333-4c33-ac33-333333333333","user_login":"anna@baeckerei.example",\
                "usage_name":"storage","edition":"standard","measurement_unit":"bytes","date":"2026-04-03","value":0},\
                {"tenant_id":"8d5e6f70-5555-4e55-8e55-555555555555","tenant_name":"Smith, \\"Jones\\" & Co","tenant_kind":"customer",\
                "usage_name":"storage","edition":"advanced","measurement_unit":"bytes","date":"2026-04-01","value":134217728},\
                {"tenant_id":"8d5e6f70-5555-4e55-8e55-555555555555","tenant_name":"Smith, \\"Jones\\" & Co","tenant_kind":"customer",\
                "usage_name":"storage","edition":"advanced","measurement_unit":"bytes","date":"2026-04-02","value":134217728},\
                {"tenant_id":"8d5e6f70-5555-4e55-8e55-555555555555","tenant_name":"Smith, \\"Jones\\" & Co","tenant_kind":"customer",\
                "usage_name":"storage","edition":"advanced","measurement_unit":"bytes","date":"2026-04-03","value":1610612736}]}""");
    }

    @Test
    void usageBreakdownHasALinePerDayWithTheChangeAgainstTheDayBefore() {
        assertJsonExactly(render(FORMAT, ReportKind.USAGE_BREAKDOWN, false), """
                {"report":{"tenant_id":"5f0c9a10-1111-4a11-8a11-111111111111","tenant_name":"Acme Cloud",\
                "kind":"usage_breakdown","level":"accounts","start_date":"2026-04-01","end_date":"2026-04-03",\
                "generated_at":"2026-04-04T06:30:15+00:00"},\
                "lines":[\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "usage_name":"storage","edition":"standard","measurement_unit":"bytes",\
                "date":"2026-04-01","value":1073741824,"change":0},\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "usage_name":"storage","edition":"standard","measurement_unit":"bytes",\
                "date":"2026-04-02","value":1610612736,"change":536870912},\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "usage_name":"storage","edition":"standard","measurement_unit":"bytes",\
                "date":"2026-04-03","value":2684354560,"change":1073741824},\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "usage_name":"workstations","measurement_unit":"quantity","date":"2026-04-01","value":3,"change":0},\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "usage_name":"workstations","measurement_unit":"quantity","date":"2026-04-02","value":4,"change":1},\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "usage_name":"workstations","measurement_unit":"quantity","date":"2026-04-03","value":2,"change":-2},\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "user_id":"9c4e5f60-3333-4c33-ac33-333333333333","user_login":"anna@baeckerei.example",\
                "usage_name":"storage","edition":"standard","measurement_unit":"bytes",\
                "date":"2026-04-01","value":536870912,"change":0},\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "user_id":"9c4e5f60-3333-4c33-ac33-333333333333","user_login":"anna@baeckerei.example",\
                "usage_name":"storage","edition":"standard","measurement_unit":"bytes",\
                "date":"2026-04-02","value":536870912,"change":0},\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "user_id":"9c4e5f60-3333-4c33-ac33-333333333333","user_login":"anna@baeckerei.example",\
                "usage_name":"storage","edition":"standard","measurement_unit":"bytes",\
                "date":"2026-04-03","value":0,"change":-536870912},\
                {"tenant_id":"8d5e6f70-5555-4e55-8e55-555555555555","tenant_name":"Smith, \\"Jones\\" & Co","tenant_kind":"customer",\
                "usage_name":"storage","edition":"advanced","measurement_unit":"bytes",\
                "date":"2026-04-01","value":134217728,"change":134217728},\
                {"tenant_id":"8d5e6f70-5555-4e55-8e55-555555555555","tenant_name":"Smith, \\"Jones\\" & Co","tenant_kind":"customer",\
                "usage_name":"storage","edition":"advanced","measurement_unit":"bytes",\
                "date":"2026-04-02","value":134217728,"change":0},\
                {"tenant_id":"8d5e6f70-5555-4e55-8e55-555555555555","tenant_name":"Smith, \\"Jones\\" & Co","tenant_kind":"customer",\
                "usage_name":"storage","edition":"advanced","measurement_unit":"bytes",\
                "date":"2026-04-03","value":1610612736,"change":1476395008}]}""");
    }

    @Test
    void usageCurrentHasTheValueDateAsStartAndEndDate() {
        assertJsonExactly(render(FORMAT, ReportKind.USAGE_CURRENT, true), """
                {"report":{"tenant_id":"5f0c9a10-1111-4a11-8a11-111111111111","tenant_name":"Acme Cloud",\
                "kind":"usage_current","level":"accounts","start_date":"2026-04-03","end_date":"2026-04-03",\
                "generated_at":"2026-04-04T06:30:15+00:00"},\
                "lines":[\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "usage_name":"storage","edition":"standard","measurement_unit":"bytes","sku":"STG-STD-1",\
                "date":"2026-04-03","value":2684354560},\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "usage_name":"workstations","measurement_unit":"quantity","date":"2026-04-03","value":2},\
                {"tenant_id":"7a2d3b40-2222-4b22-9b22-222222222222","tenant_name":"Bäckerei Müller","tenant_kind":"customer",\
                "user_id":"9c4e5f60-3333-4c33-ac33-333333333333","user_login":"anna@baeckerei.example",\
                "usage_name":"storage","edition":"standard","measurement_unit":"bytes","sku":"STG-STD-1",\
                "date":"2026-04-03","value":0},\
                {"tenant_id":"8d5e6f70-5555-4e55-8e55-555555555555","tenant_name":"Smith, \\"Jones\\" & Co","tenant_kind":"customer",\
                "usage_name":"storage","edition":"advanced","measurement_unit":"bytes",\
                "date":"2026-04-03","value":1610612736}]}""");
    }

    @Test
    void rowsLeftWithoutLinesByHideZeroUsageWriteNothing() {
        ReportSpec spec = GoldenReport.spec(ReportKind.USAGE_CURRENT, true);
        assertJsonExactly(render(FORMAT, spec, GoldenReport.rowsWithoutLines(spec)), """
                {"report":{"tenant_id":"5f0c9a10-1111-4a11-8a11-111111111111","tenant_name":"Acme Cloud",\
                "kind":"usage_current","level":"accounts","start_date":"2026-04-03","end_date":"2026-04-03",\
                "generated_at":"2026-04-04T06:30:15+00:00"},\
                "lines":[\
                {"tenant_id":"8d5e6f70-5555-4e55-8e55-555555555555","tenant_name":"Smith, \\"Jones\\" & Co","tenant_kind":"customer",\
                "usage_name":"storage","edition":"advanced","measurement_unit":"bytes",\
                "date":"2026-04-03","value":1610612736}]}""");
    }
}
