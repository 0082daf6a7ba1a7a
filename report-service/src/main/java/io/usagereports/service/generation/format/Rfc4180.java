package io.usagereports.service.generation.format;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes CSV records exactly as RFC 4180 lays them out: comma-separated, CRLF after every
 * record, a field quoted only when it contains a comma, a double quote, CR or LF (quotes inside
 * doubled). {@code csv_v2_0} must be byte-exact, and Commons CSV's minimal quoting also quotes
 * fields that start with a character up to {@code #} or end in whitespace, which the format
 * does not allow; this writer is also the hot path of multi-million-line reports.
 */
final class Rfc4180 {

    private final Writer out;
    private boolean firstField = true;

    Rfc4180(Writer out) {
        this.out = out;
    }

    /** Appends a field to the current record; null is an empty field. */
    Rfc4180 field(String value) throws IOException {
        if (!firstField) {
            out.write(',');
        }
        firstField = false;
        if (value != null && !value.isEmpty()) {
            if (needsQuotes(value)) {
                out.write('"');
                out.write(value.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(value);
            }
        }
        return this;
    }

    Rfc4180 field(Object value) throws IOException {
        return field(value == null ? null : value.toString());
    }

    /** A number, written without allocating a string for the common case. */
    Rfc4180 field(Long value) throws IOException {
        if (!firstField) {
            out.write(',');
        }
        firstField = false;
        if (value != null) {
            out.write(Long.toString(value));
        }
        return this;
    }

    void endRecord() throws IOException {
        out.write("\r\n");
        firstField = true;
    }

    void record(Iterable<String> fields) throws IOException {
        for (String f : fields) {
            field(f);
        }
        endRecord();
    }

    void flush() throws IOException {
        out.flush();
    }

    /** {@code value} as a field, quoted if it must be (null and "" are an empty field). */
    static String encode(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return needsQuotes(value) ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
