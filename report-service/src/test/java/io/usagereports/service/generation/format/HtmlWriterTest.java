package io.usagereports.service.generation.format;

import static io.usagereports.service.generation.format.GoldenReport.assertExactly;
import static io.usagereports.service.generation.format.GoldenReport.golden;
import static io.usagereports.service.generation.format.GoldenReport.render;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Golden outputs of {@code html} (docs/report-content.md, Formats): one self-contained UTF-8 page,
 * whole, in {@code src/test/resources/golden/html/} (open them in a browser). A title band with
 * the kind's title, the subject, the period and the level; one table whose header names
 * {@code Usage, Edition, Unit[, SKU]} and the kind's value columns; each row of the report opens
 * with a heading line (tenant and kind, or {@code User <login>} and tenant) spanning every
 * column, followed by its lines; numbers right-aligned ({@code class="n"}); storage in GiB with
 * two decimals as in {@code csv}; text HTML-escaped; a footer with the due time. See
 * {@link GoldenReport} for the data.
 */
class HtmlWriterTest {

    private static final ReportFormat FORMAT = ReportFormat.HTML;

    @Test
    void usageSummaryPage() {
        assertPage(render(FORMAT, ReportKind.USAGE_SUMMARY, true), "html/usage_summary.html");
    }

    @Test
    void usageDailyPage() {
        assertPage(render(FORMAT, ReportKind.USAGE_DAILY, false), "html/usage_daily.html");
    }

    @Test
    void usageBreakdownPage() {
        assertPage(render(FORMAT, ReportKind.USAGE_BREAKDOWN, false), "html/usage_breakdown.html");
    }

    @Test
    void usageCurrentPage() {
        assertPage(render(FORMAT, ReportKind.USAGE_CURRENT, true), "html/usage_current.html");
    }

    @Test
    void aRowLeftWithoutLinesByHideZeroUsageKeepsItsHeadingWithNoUsage() {
        ReportSpec spec = GoldenReport.spec(ReportKind.USAGE_CURRENT, true);
        assertPage(render(FORMAT, spec, GoldenReport.rowsWithoutLines(spec)), "html/rows_without_lines.html");
    }

    @Test
    void summaryTableHasAHeadingLinePerRowAndTheFormattedNumbers() {
        String page = new String(render(FORMAT, ReportKind.USAGE_SUMMARY, true), UTF_8);
        assertThat(page)
                .contains("<title>Usage summary \u2014 Acme Cloud</title>")
                .contains("<p>2026-04-01 to 2026-04-03 \u00b7 level: accounts</p>")
                .contains("<thead><tr><th>Usage</th><th>Edition</th><th>Unit</th><th>SKU</th>"
                        + "<th class=\"n\">Start value</th><th class=\"n\">End value</th><th class=\"n\">Change</th>"
                        + "</tr></thead>")
                .contains("<tr class=\"row\"><th colspan=\"7\">Bäckerei Müller<span>customer</span></th></tr>")
                .contains("<tr class=\"row user\"><th colspan=\"7\">User anna@baeckerei.example"
                        + "<span>Bäckerei Müller</span></th></tr>")
                .contains("<tr class=\"row\"><th colspan=\"7\">Smith, &quot;Jones&quot; &amp; Co"
                        + "<span>customer</span></th></tr>")
                // 1 GiB -> 2.5 GiB, +1.5 GiB; 0.125 GiB and 1.375 GiB rounded half up.
                .contains("<td class=\"n\">1.00</td><td class=\"n\">2.50</td><td class=\"n\">1.50</td>")
                .contains("<td class=\"n\">0.50</td><td class=\"n\">0.00</td><td class=\"n\">-0.50</td>")
                .contains("<td class=\"n\">0.13</td><td class=\"n\">1.50</td><td class=\"n\">1.38</td>")
                // Counts stay counts.
                .contains("<td>workstations</td><td></td><td>quantity</td><td></td>"
                        + "<td class=\"n\">3</td><td class=\"n\">2</td><td class=\"n\">-1</td>")
                .contains("<footer>Generated 2026-04-04T06:30:15+00:00 by usage-reports</footer>");
        assertThat(count(page, "<table>")).isEqualTo(1);
        assertThat(count(page, "<tr class=\"row")).isEqualTo(3);
        assertThat(count(page, "<tr><td>")).isEqualTo(4);
    }

    /** The whole page, then what makes it self-contained, for every golden page. */
    private static void assertPage(byte[] actual, String goldenFile) {
        String expected = golden(goldenFile);
        assertExactly(actual, expected);
        assertSelfContained(expected);
    }

    /** Inline CSS only, no script, no external fetch or link, one table: what an e-mail client shows too. */
    private static void assertSelfContained(String page) {
        assertThat(page)
                .startsWith("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .endsWith("</html>\n");
        assertThat(page.toLowerCase())
                .doesNotContain(
                        "<script",
                        "javascript:",
                        "<link",
                        "<img",
                        "<iframe",
                        "<object",
                        "<embed",
                        "@import",
                        "url(",
                        "src=",
                        "href=",
                        "http://",
                        "https://")
                .doesNotContainPattern("\\son[a-z]+=");
        assertThat(count(page, "<style>")).isEqualTo(1);
        assertThat(count(page, "<table>")).isEqualTo(1);
        assertThat(count(page, "</table>")).isEqualTo(1);
        // Every row of the table spans as many cells as the header has columns.
        int columns = count(page.substring(page.indexOf("<thead>"), page.indexOf("</thead>")), "</th>");
        Matcher colspan = Pattern.compile("colspan=\"(\\d+)\"").matcher(page);
        while (colspan.find()) {
            assertThat(Integer.parseInt(colspan.group(1))).isEqualTo(columns);
        }
        for (String line : page.substring(page.indexOf("<tbody>\n") + 8, page.indexOf("</tbody>"))
                .split("\n")) {
            if (line.startsWith("<tr><td>")) {
                assertThat(count(line, "</td>")).as(line).isEqualTo(columns);
            }
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
