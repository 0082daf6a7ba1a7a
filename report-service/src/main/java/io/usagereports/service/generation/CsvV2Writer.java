package io.usagereports.service.generation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code csv_v2_0} (spec §6), exact: RFC 4180 with CRLF and minimal quoting, UTF-8 without BOM,
 * one header line, raw values, the fixed column order; columns that do not apply stay empty.
 */
final class CsvV2Writer implements FormatWriter {

    static final String[] HEADER = {"tenant_id", "tenant_name", "tenant_kind", "parent_id", "user_id", "usage_name",
        "edition", "measurement_unit", "sku", "date", "value", "start_value", "end_value", "delta", "change"};

    private final ReportSpec spec;
    private final LocalDate[] dates;
    private final CSVPrinter csv;
    private final Object[] record = new Object[HEADER.length];

    CsvV2Writer(ReportSpec spec, OutputStream out) {
        this.spec = spec;
        this.dates = spec.dates();
        try {
            this.csv = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                    CSVFormat.RFC4180);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void begin() throws IOException {
        csv.printRecord((Object[]) HEADER);
    }

    @Override
    public void row(ReportRow row, List<RowUsage> usages) throws IOException {
        record[0] = row.tenantId();
        record[1] = row.tenantName();
        record[2] = row.tenantKind().wire();
        record[3] = row.parentId();
        record[4] = row.userId();
        for (RowUsage usage : usages) {
            record[5] = usage.usageName();
            record[6] = usage.edition();
            record[7] = usage.unit();
            record[8] = spec.showSkus() ? usage.sku() : null;
            ReportLine.expand(spec.kind(), dates, usage.values(), line -> {
                record[9] = line.date();
                record[10] = line.value();
                record[11] = line.startValue();
                record[12] = line.endValue();
                record[13] = line.delta();
                record[14] = line.change();
                csv.printRecord(record);
            });
        }
    }

    @Override
    public void end() throws IOException {
        csv.flush();
    }
}
