package io.usagereports.web.usage;

import static io.usagereports.model.common.ErrorCodes.INVALID_JSON;
import static io.usagereports.model.common.ErrorCodes.INVALID_TYPE;
import static io.usagereports.model.common.ErrorCodes.REQUIRED_FIELD;
import static io.usagereports.model.common.ErrorCodes.UNKNOWN_FIELD;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.usage.UsageReading;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import io.usagereports.service.usage.IndexedRow;
import io.usagereports.web.json.JsonFields;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The rows of a {@code {"items": [...]}} ingestion body, read one at a time from the stream, so
 * a 64 MiB batch is never held whole. A row whose fields are wrong becomes a failed row (the
 * batch is then refused with every bad index); a body that is not JSON at all is refused at once.
 */
final class JsonUsageRows implements Iterator<IndexedRow> {

    private final JsonParser parser;
    private int index;
    private IndexedRow next;
    private boolean done;

    JsonUsageRows(InputStream body) {
        parser = Json.createParser(new InputStreamReader(body, StandardCharsets.UTF_8));
        expect(advance() == JsonParser.Event.START_OBJECT, "The body must be a JSON object {\"items\": [...]}.");
        JsonParser.Event event = advance();
        if (event == JsonParser.Event.END_OBJECT) {
            throw ServiceException.of(
                    Kind.INVALID_REQUEST, ErrorDomains.USAGE, REQUIRED_FIELD, "items is required.", "items", null);
        }
        checkKey();
        expect(advance() == JsonParser.Event.START_ARRAY, "items must be an array of readings.");
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = read();
        }
        return next != null;
    }

    @Override
    public IndexedRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        IndexedRow row = next;
        next = null;
        return row;
    }

    private IndexedRow read() {
        JsonParser.Event event = advance();
        if (event == JsonParser.Event.END_ARRAY) {
            JsonParser.Event after = advance();
            if (after == JsonParser.Event.KEY_NAME) {
                checkKey();
            }
            done = true;
            return null;
        }
        int at = index++;
        if (event != JsonParser.Event.START_OBJECT) {
            if (event == JsonParser.Event.START_ARRAY) {
                parser.skipArray();
            }
            return IndexedRow.failed(at, "", "A reading must be a JSON object.");
        }
        JsonFields fields = JsonFields.of(parser.getObject(), ErrorDomains.USAGE);
        try {
            UsageReading reading = new UsageReading(
                    fields.uuid("tenant_id"),
                    fields.text("usage_name"),
                    fields.text("edition"),
                    fields.uuid("user_id"),
                    fields.longValue("value"),
                    fields.timestamp("measured_at"));
            fields.rejectUnknown();
            return IndexedRow.of(at, reading);
        } catch (ServiceException e) {
            return IndexedRow.failed(at, e.field(), e.getMessage());
        }
    }

    private void checkKey() {
        String key = parser.getString();
        if (!key.equals("items")) {
            throw ServiceException.of(
                    Kind.INVALID_REQUEST,
                    ErrorDomains.USAGE,
                    UNKNOWN_FIELD,
                    "Unknown field " + key + ".",
                    key,
                    "The body is {\"items\": [...]}.");
        }
    }

    private JsonParser.Event advance() {
        try {
            return parser.next();
        } catch (JsonParsingException e) {
            throw ServiceException.of(
                    Kind.INVALID_REQUEST,
                    ErrorDomains.API,
                    INVALID_JSON,
                    "The body is not valid JSON (line " + e.getLocation().getLineNumber() + ", column "
                            + e.getLocation().getColumnNumber() + ").",
                    null,
                    "Send a JSON object {\"items\": [...]}.");
        } catch (NoSuchElementException | JsonException e) {
            if (e.getCause() instanceof ServiceException tooLarge) {
                throw tooLarge;
            }
            throw ServiceException.of(
                    Kind.INVALID_REQUEST,
                    ErrorDomains.API,
                    INVALID_JSON,
                    "The body is empty or ends too early.",
                    null,
                    "Send a JSON object {\"items\": [...]}.");
        }
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            throw ServiceException.of(Kind.INVALID_REQUEST, ErrorDomains.USAGE, INVALID_TYPE, message, null, null);
        }
    }
}
