package io.usagereports.service.generation.format;

import io.usagereports.model.common.Timestamps;
import io.usagereports.service.common.Html;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code html}: one self-contained page (inline CSS, no scripts, no external fetches) that reads
 * well in a browser and in an e-mail client. One table; each row of the report opens with a
 * heading line (tenant, kind, user), followed by its usages (see {@link HumanLayout}).
 */
final class HtmlWriter implements FormatWriter {

    private static final String STYLE = """
            body{margin:0;padding:24px;background:#f4f6f8;color:#1f2933;\
            font:14px/1.45 -apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}
            .sheet{max-width:1100px;margin:0 auto;background:#fff;border:1px solid #d9e2ec;border-radius:8px;\
            overflow:hidden}
            header{padding:20px 24px;background:#243b53;color:#fff}
            header h1{margin:0 0 4px;font-size:20px;font-weight:600}
            header p{margin:0;color:#bcccdc}
            table{width:100%;border-collapse:collapse}
            th,td{padding:6px 12px;text-align:left;border-bottom:1px solid #e4e7eb;white-space:nowrap}
            thead th{background:#f0f4f8;color:#486581;font-size:12px;text-transform:uppercase;letter-spacing:.04em}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            tr.row th{background:#e6f0fa;color:#102a43;font-size:14px;border-top:2px solid #9fb3c8}
            tr.row th span{color:#627d98;font-weight:400;margin-left:8px}
            tr.user th{background:#f7fafc;font-weight:500}
            tr.empty td{color:#829ab1;font-style:italic}
            footer{padding:12px 24px;color:#829ab1;font-size:12px}
            """;

    private final ReportSpec spec;
    private final LocalDate[] dates;
    private final Writer html;
    private final List<String> valueHeader;
    private final int columns;

    HtmlWriter(ReportSpec spec, OutputStream out) {
        this.spec = spec;
        this.dates = spec.dates();
        this.html = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.valueHeader = HumanLayout.valueHeader(spec.kind());
        this.columns = 3 + (spec.showSkus() ? 1 : 0) + valueHeader.size();
    }

    @Override
    public void begin() throws IOException {
        String title = spec.kind().title() + " \u2014 " + spec.subjectName();
        html.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>");
        text(title);
        html.write("</title><style>");
        html.write(STYLE);
        html.write("</style></head><body><div class=\"sheet\"><header><h1>");
        text(title);
        html.write("</h1><p>");
        text(HumanLayout.periodText(spec) + " \u00b7 level: "
                + spec.level().wire().replace('_', ' '));
        html.write("</p></header><table><thead><tr><th>Usage</th><th>Edition</th><th>Unit</th>");
        if (spec.showSkus()) {
            html.write("<th>SKU</th>");
        }
        for (String name : valueHeader) {
            html.write(name.equals("Date") ? "<th>" : "<th class=\"n\">");
            text(name);
            html.write("</th>");
        }
        html.write("</tr></thead><tbody>\n");
    }

    @Override
    public void row(ReportRow row, List<RowUsage> usages) throws IOException {
        html.write(row.isUserRow() ? "<tr class=\"row user\"><th colspan=\"" : "<tr class=\"row\"><th colspan=\"");
        html.write(Integer.toString(columns));
        html.write("\">");
        if (row.isUserRow()) {
            text("User " + row.userLogin());
            html.write("<span>");
            text(row.tenantName());
        } else {
            text(row.tenantName());
            html.write("<span>");
            text(row.tenantKind().wire());
        }
        html.write("</span></th></tr>\n");
        if (usages.isEmpty()) {
            html.write("<tr class=\"empty\"><td colspan=\"" + columns + "\">No usage</td></tr>\n");
        }
        for (RowUsage usage : usages) {
            ReportLine.expand(spec.kind(), dates, usage.values(), line -> {
                html.write("<tr><td>");
                text(usage.usageName());
                html.write("</td><td>");
                text(usage.edition());
                html.write("</td><td>");
                text(HumanLayout.unit(usage));
                if (spec.showSkus()) {
                    html.write("</td><td>");
                    text(usage.sku() == null ? "" : usage.sku());
                }
                List<String> cells = HumanLayout.valueCells(spec.kind(), usage, line);
                for (int i = 0; i < cells.size(); i++) {
                    html.write(valueHeader.get(i).equals("Date") ? "</td><td>" : "</td><td class=\"n\">");
                    text(cells.get(i));
                }
                html.write("</td></tr>\n");
            });
        }
    }

    @Override
    public void end() throws IOException {
        html.write("</tbody></table><footer>Generated ");
        text(Timestamps.format(spec.generatedAt()));
        html.write(" by usage-reports</footer></div></body></html>\n");
        html.flush();
    }

    private void text(String s) throws IOException {
        Html.escape(s, html);
    }
}
