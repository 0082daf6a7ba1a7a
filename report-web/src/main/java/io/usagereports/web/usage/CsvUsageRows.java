package io.usagereports.web.usage;

import static io.usagereports.model.common.ErrorCodes.INVALID_CSV;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.common.Timestamps;
import io.usagereports.model.usage.UsageReading;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import io.usagereports.service.usage.IndexedRow;
import io.usagereports.web.json.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a CSV ingestion body (RFC 4180, UTF-8, a header line naming the same columns as
 * the JSON items, in any order, each once), read one record at a time from the stream. Every row
 * has as many fields as the header; a body that is not UTF-8 or not CSV is refused at once
 * ({@code 400 invalid_csv}), a row whose values are wrong becomes a failed row.
 */
final class CsvUsageRows implements Iterator<IndexedRow> {

    static final List<String> COLUMNS =
            List.of("tenant_id", "usage_name", "edition", "user_id", "value", "measured_at");
    private static final Set<String> REQUIRED = Set.of("tenant_id", "usage_name", "value", "measured_at");

    private final Iterator<CSVRecord> records;
    private final int columns;
    private int index;

    CsvUsageRows(InputStream body) {
        CSVParser parser;
        try {
            parser = CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true)
                    .get()
                    .parse(StrictJson.utf8(body));
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw malformed(e, "The body is not CSV with a header line");
        }
        List<String> header = parser.getHeaderNames();
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                throw invalid("Unknown column '" + column + "'; the columns are " + String.join(",", COLUMNS) + ".");
            }
            if (!seen.add(column)) {
                throw invalid("The header names the column '" + column + "' twice.");
            }
        }
        if (!header.containsAll(REQUIRED)) {
            throw invalid("The header must name at least tenant_id, usage_name, value and measured_at.");
        }
        columns = header.size();
        records = parser.iterator();
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw malformed(e, "Row " + index + " is not valid CSV");
        }
    }

    @Override
    public IndexedRow next() {
        CSVRecord record;
        try {
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw malformed(e, "Row " + index + " is not valid CSV");
        }
        int at = index++;
        if (record.size() != columns) {
            // RFC 4180: every line has as many fields as the header; a shifted row would store wrong values
            throw invalid("Row " + at + " has " + record.size() + " field(s); the header names " + columns + ".");
        }
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

    /**
     * A body the CSV parser could not read, said without the parser's class names: a byte that
     * is not UTF-8, or a syntax error (an unbalanced quote, say) in the parser's own words.
     * The size limit's 413, which rides inside, stays what it is.
     */
    private static ServiceException malformed(Exception e, String what) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServiceException carried) {
                return carried;
            }
            if (t instanceof CharacterCodingException) {
                return invalid(what + ": the body is not valid UTF-8.");
            }
            if ((t instanceof CSVException || t instanceof IllegalArgumentException) && t.getMessage() != null) {
                // Commons CSV's own sentences ("EOF reached before encapsulated token finished",
                // "A header name is missing in [...]"), not an exception's toString
                return invalid(what + ": " + t.getMessage() + ".");
            }
        }
        return invalid(what + ".");
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
