package io.usagereports.service.generation.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code csv}, for people and spreadsheets: titled columns, tenant names rather than IDs, storage
 * in GiB with two decimals (see {@link HumanLayout}); same rows and order as {@code csv_v2_0}.
 */
final class CsvWriter implements FormatWriter {

    private final ReportSpec spec;
    private final LocalDate[] dates;
    private final Rfc4180 csv;

    CsvWriter(ReportSpec spec, OutputStream out) {
        this.spec = spec;
        this.dates = spec.dates();
        this.csv = new Rfc4180(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
    }

    @Override
    public void begin() throws IOException {
        csv.record(HumanLayout.header(spec.kind(), spec.showSkus()));
    }

    @Override
    public void row(ReportRow row, List<RowUsage> usages) throws IOException {
        for (RowUsage usage : usages) {
            ReportLine.expand(spec.kind(), dates, usage.values(), line -> {
                List<String> cells = new ArrayList<>(10);
                cells.add(row.tenantName());
                cells.add(row.tenantKind().wire());
                cells.add(row.isUserRow() ? row.userLogin() : "");
                cells.add(usage.usageName());
                cells.add(usage.edition());
                cells.add(HumanLayout.unit(usage));
                if (spec.showSkus()) {
                    cells.add(usage.sku() == null ? "" : usage.sku());
                }
                cells.addAll(HumanLayout.valueCells(spec.kind(), usage, line));
                csv.record(cells);
            });
        }
    }

    @Override
    public void end() throws IOException {
        csv.flush();
    }
}
