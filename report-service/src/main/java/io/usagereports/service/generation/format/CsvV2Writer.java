package io.usagereports.service.generation.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * {@code csv_v2_0} (docs/api.md §6), exact: RFC 4180 with CRLF and minimal quoting, UTF-8 without BOM,
 * one header line, raw values, the fixed column order; columns that do not apply stay empty.
 */
final class CsvV2Writer implements FormatWriter {

    static final List<String> HEADER = Arrays.asList(
            "tenant_id",
            "tenant_name",
            "tenant_kind",
            "parent_id",
            "user_id",
            "usage_name",
            "edition",
            "measurement_unit",
            "sku",
            "date",
            "value",
            "start_value",
            "end_value",
            "delta",
            "change");

    private final ReportSpec spec;
    private final LocalDate[] dates;
    private final Rfc4180 csv;

    CsvV2Writer(ReportSpec spec, OutputStream out) {
        this.spec = spec;
        this.dates = spec.dates();
        this.csv = new Rfc4180(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
    }

    @Override
    public void begin() throws IOException {
        csv.record(HEADER);
    }

    @Override
    public void row(ReportRow row, List<RowUsage> usages) throws IOException {
        // The columns every line of the row starts with, rendered once.
        String tenantId = row.tenantId().toString();
        String parentId = row.parentId() == null ? null : row.parentId().toString();
        String userId = row.userId() == null ? null : row.userId().toString();
        String kind = row.tenantKind().wire();
        for (RowUsage usage : usages) {
            String sku = spec.showSkus() ? usage.sku() : null;
            ReportLine.expand(spec.kind(), dates, usage.values(), line -> {
                csv.field(tenantId)
                        .field(row.tenantName())
                        .field(kind)
                        .field(parentId)
                        .field(userId)
                        .field(usage.usageName())
                        .field(usage.edition())
                        .field(usage.unit())
                        .field(sku)
                        .field(line.date())
                        .field(line.value())
                        .field(line.startValue())
                        .field(line.endValue())
                        .field(line.delta())
                        .field(line.change());
                csv.endRecord();
            });
        }
    }

    @Override
    public void end() throws IOException {
        csv.flush();
    }
}
