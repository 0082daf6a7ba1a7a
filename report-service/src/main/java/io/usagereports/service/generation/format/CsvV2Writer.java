package io.usagereports.service.generation.format;

import java.io.IOException;
import java.io.OutputStream;
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
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int length;

    /** Each date of the report as its field, with the comma before it, in UTF-8. */
    private final byte[][] dateFields;

    CsvV2Writer(ReportSpec spec, OutputStream out) {
        this.spec = spec;
        this.dates = spec.dates();
        this.out = out;
        this.dateFields = new byte[dates.length][];
        for (int i = 0; i < dates.length; i++) {
            dateFields[i] = ("," + dates[i]).getBytes(StandardCharsets.US_ASCII);
        }
    }

    @Override
    public void begin() throws IOException {
        write(String.join(",", HEADER) + "\r\n");
    }

    /**
     * The hot path of a multi-million-line report, so it writes bytes itself: the columns every line
     * of a usage starts with are encoded once for the usage (RFC 4180 quoting, UTF-8), the dates
     * once for the report, and only the numbers are written line by line.
     */
    @Override
    public void row(ReportRow row, List<RowUsage> usages) throws IOException {
        String rowColumns = Rfc4180.encode(row.tenantId().toString()) + ","
                + Rfc4180.encode(row.tenantName()) + ","
                + Rfc4180.encode(row.tenantKind().wire()) + ","
                + Rfc4180.encode(row.parentId() == null ? null : row.parentId().toString()) + ","
                + Rfc4180.encode(row.userId() == null ? null : row.userId().toString()) + ",";
        for (RowUsage usage : usages) {
            byte[] prefix = (rowColumns
                            + Rfc4180.encode(usage.usageName()) + ","
                            + Rfc4180.encode(usage.edition()) + ","
                            + Rfc4180.encode(usage.unit()) + ","
                            + Rfc4180.encode(spec.showSkus() ? usage.sku() : null))
                    .getBytes(StandardCharsets.UTF_8);
            long[] values = usage.values();
            switch (spec.kind()) {
                case USAGE_CURRENT -> {
                    begin(prefix, 0);
                    number(values[0]);
                    empty(4);
                    endLine();
                }
                case USAGE_SUMMARY -> {
                    long start = values[0];
                    long end = values[values.length - 1];
                    begin(prefix, -1);
                    empty(1);
                    number(start);
                    number(end);
                    number(end - start);
                    empty(1);
                    endLine();
                }
                case USAGE_DAILY -> {
                    for (int d = 0; d < values.length; d++) {
                        begin(prefix, d);
                        number(values[d]);
                        empty(4);
                        endLine();
                    }
                }
                case USAGE_BREAKDOWN -> {
                    for (int d = 1; d < values.length; d++) {
                        begin(prefix, d);
                        number(values[d]);
                        empty(3);
                        number(values[d] - values[d - 1]);
                        endLine();
                    }
                }
            }
        }
    }

    /*
     * A line is the usage's columns, the date (-1: none), then value, start_value, end_value, delta
     * and change: each number written as a comma and its digits, each column that does not apply as
     * a comma alone. Numbers stay primitive: a daily report writes millions of them.
     */

    private void begin(byte[] prefix, int date) throws IOException {
        write(prefix);
        if (date >= 0) {
            write(dateFields[date]);
        } else {
            write(',');
        }
    }

    private void empty(int columns) throws IOException {
        ensure(columns);
        for (int i = 0; i < columns; i++) {
            buffer[length++] = ',';
        }
    }

    private void endLine() throws IOException {
        ensure(2);
        buffer[length++] = '\r';
        buffer[length++] = '\n';
    }

    private void number(long value) throws IOException {
        ensure(21);
        buffer[length++] = ',';
        long v = value;
        if (v == Long.MIN_VALUE) {
            write(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
            return;
        }
        if (v < 0) {
            buffer[length++] = '-';
            v = -v;
        }
        int end = length + digits(v);
        for (int at = end - 1; at >= length; at--) {
            buffer[at] = (byte) ('0' + v % 10);
            v /= 10;
        }
        length = end;
    }

    private static int digits(long v) {
        int n = 1;
        while (v >= 10) {
            v /= 10;
            n++;
        }
        return n;
    }

    private void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length - length) {
            flushBuffer();
            if (bytes.length > buffer.length) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void write(char c) throws IOException {
        ensure(1);
        buffer[length++] = (byte) c;
    }

    private void ensure(int room) throws IOException {
        if (buffer.length - length < room) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, length);
        length = 0;
    }

    @Override
    public void end() throws IOException {
        flushBuffer();
        out.flush();
    }
}
