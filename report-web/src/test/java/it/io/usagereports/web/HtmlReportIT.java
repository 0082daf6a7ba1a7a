package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.model.directory.Tenant;
import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.runs.StoredReport;
import io.usagereports.model.usage.OfferingItem;
import io.usagereports.model.usage.OfferingItems;
import io.usagereports.model.usage.UsageBatch;
import io.usagereports.model.usage.UsageReading;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The HTML report in a real browser: Debian's headless {@code chromium} loads the downloaded
 * page with every network request refused, renders it (a screenshot is left in
 * {@code target/html-report/}; {@code docs/html-report.png} is one), and its DOM holds the
 * report's rows. Needs {@code chromium} on the PATH ({@code .ci/run} installs it).
 */
class HtmlReportIT {

    private static final Path OUT = Path.of("target", "html-report");

    @Test
    void theHtmlReportRendersAsASelfContainedPageInChromium() throws Exception {
        Sandbox sandbox = Sandbox.create();
        UUID acme = sandbox.directory
                .createTenant(Tenant.customer("Acme <Storage> & Co", sandbox.partner.id()))
                .id();
        UUID globex = sandbox.directory
                .createTenant(Tenant.customer("Globex", sandbox.partner.id()))
                .id();
        sandbox.usage()
                .replaceOfferingItems(
                        acme,
                        new OfferingItems(List.of(new OfferingItem(
                                "Cloud storage", "storage", null, "bytes", "infra", "ST-100", null, null))));
        sandbox.usage()
                .replaceOfferingItems(
                        globex,
                        new OfferingItems(List.of(new OfferingItem(
                                "Cloud storage", "storage", null, "bytes", "infra", "ST-200", null, null))));
        List<UsageReading> readings = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            Instant at = Instant.parse("2026-02-0" + day + "T12:00:00Z");
            readings.add(new UsageReading(acme, "storage", null, null, day * 5L * (1L << 30), at));
            readings.add(new UsageReading(acme, "devices", null, null, 10L + day, at));
            readings.add(new UsageReading(globex, "storage", null, null, 3L * (1L << 30) / 2, at));
        }
        sandbox.usage().ingest(new UsageBatch(readings));
        Report report = sandbox.reports.createReport(Report.builder()
                .resultAction(ResultAction.SAVE)
                .parameters(ReportParameters.builder()
                        .tenantId(sandbox.partner.id())
                        .level(ReportLevel.ALL_CUSTOMERS)
                        .kind(ReportKind.USAGE_BREAKDOWN)
                        .formats(List.of(ReportFormat.HTML))
                        .period(new Period(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-05")))
                        .hideZeroUsage(false)
                        .showSkus(true)
                        .build())
                .schedule(Schedule.once())
                .build());
        StoredReport stored = awaitSaved(sandbox, report.id());

        Files.createDirectories(OUT);
        Path page = OUT.resolve("report.html").toAbsolutePath();
        sandbox.reports.downloadStored(report.id(), stored.id(), page);
        String html = Files.readString(page);
        assertThat(html)
                .doesNotContainIgnoringCase("<script")
                .doesNotContain("http://")
                .doesNotContain("https://")
                .doesNotContain("src=")
                .contains("Acme &lt;Storage&gt; &amp; Co");

        Chromium.screenshot(OUT, page, "report.png", 1200, 760);

        String dom = Chromium.run(OUT, "--dump-dom", page.toUri().toString());
        assertThat(dom).contains("Acme &lt;Storage&gt; &amp; Co", "Globex", "ST-100", "ST-200");
        // Two tenants: a heading row each; Acme has 2 usages, Globex 1, each a line per day.
        assertThat(count(dom, "<tr class=\"row\">")).isEqualTo(2);
        assertThat(count(dom, "<tr><td>")).isEqualTo(3 * 5);
        assertThat(dom).contains("<td>2026-02-03</td><td class=\"n\">15.00</td><td class=\"n\">5.00</td>");
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static StoredReport awaitSaved(Sandbox sandbox, UUID reportId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            StoredReport first = sandbox.reports.stored(reportId).items().get(0);
            if (first.status() == io.usagereports.model.runs.StoredStatus.SAVED) {
                return first;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The HTML report was not saved within 60 s");
    }
}
