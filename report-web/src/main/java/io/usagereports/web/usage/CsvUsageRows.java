package io.usagereports.web.usage;

import static io.usagereports.model.common.ErrorCodes.INVALID_CSV;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.common.Timestamps;
import io.usagereports.model.usage.UsageReading;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import io.usagereports.service.usage.IndexedRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a CSV ingestion body (RFC 4180, UTF-8, a header line naming the same columns as
 * the JSON items, in any order), read one record at a time from the stream.
 */
final class CsvUsageRows implements Iterator<IndexedRow> {

    static final List<String> COLUMNS =
            List.of("tenant_id", "usage_name", "edition", "user_id", "value", "measured_at");
    private static final Set<String> REQUIRED = Set.of("tenant_id", "usage_name", "value", "measured_at");

    private final Iterator<CSVRecord> records;
    private int index;

    CsvUsageRows(InputStream body) {
        try {
            CSVParser parser = CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true)
                    .get()
                    .parse(new InputStreamReader(body, StandardCharsets.UTF_8));
            List<String> header = parser.getHeaderNames();
            for (String column : header) {
                if (!COLUMNS.contains(column)) {
                    throw invalid(
                            "Unknown column '" + column + "'; the columns are " + String.join(",", COLUMNS) + ".");
                }
            }
            if (!header.containsAll(REQUIRED)) {
                throw invalid("The header must name at least tenant_id, usage_name, value and measured_at.");
            }
            records = parser.iterator();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw invalid("The body is not CSV with a header line: " + e.getMessage());
        }
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            if (e.getCause() instanceof ServiceException tooLarge) {
                throw tooLarge;
            }
            throw invalid("The CSV is malformed after row " + index + ": " + e.getMessage());
        }
    }

    @Override
    public IndexedRow next() {
        CSVRecord record = records.next();
        int at = index++;
        String column = "tenant_id";
        try {
            UUID tenant = uuid(record, column);
            column = "user_id";
            UUID user = uuid(record, column);
            column = "value";
            String value = text(record, column);
            Long number = value == null ? null : Long.valueOf(value);
            column = "measured_at";
            String measured = text(record, column);
            return IndexedRow.of(
                    at,
                    new UsageReading(
                            tenant,
                            text(record, "usage_name"),
                            text(record, "edition"),
                            user,
                            number,
                            measured == null ? null : Timestamps.parse(measured)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return IndexedRow.failed(at, column, column + " is not valid: '" + text(record, column) + "'.");
        }
    }

    private static String text(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value.isEmpty() ? null : value;
    }

    private static UUID uuid(CSVRecord record, String column) {
        String value = text(record, column);
        if (value != null && value.length() != 36) {
            throw new IllegalArgumentException(column);
        }
        return value == null ? null : UUID.fromString(value);
    }

    private static ServiceException invalid(String message) {
        return ServiceException.of(
                Kind.INVALID_REQUEST,
                ErrorDomains.USAGE,
                INVALID_CSV,
                message,
                null,
                "Send CSV with the header " + String.join(",", COLUMNS) + ".");
    }
}
