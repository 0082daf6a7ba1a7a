package io.usagereports.web.usage;

import static io.usagereports.model.common.ErrorCodes.INVALID_TYPE;
import static io.usagereports.model.common.ErrorCodes.REQUIRED_FIELD;
import static io.usagereports.model.common.ErrorCodes.UNKNOWN_FIELD;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.usage.UsageReading;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import io.usagereports.service.usage.IndexedRow;
import io.usagereports.web.json.JsonFields;
import io.usagereports.web.json.StrictJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The rows of a {@code {"items": [...]}} ingestion body, read one at a time from the stream, so
 * a 64 MiB batch is never held whole. A row whose fields are wrong becomes a failed row (the
 * batch is then refused with every bad index); a body that is not JSON at all is refused at once
 * ({@link StrictJson}: syntax, UTF-8, nesting depth, the end of the body), including within a
 * reading.
 */
final class JsonUsageRows implements Iterator<IndexedRow> {

    private static final String SEND = "Send a JSON object {\"items\": [...]}.";

    private final JsonParser parser;
    private int index;
    private IndexedRow next;
    private boolean done;

    JsonUsageRows(InputStream body) {
        parser = StrictJson.parser(body);
        JsonParser.Event first = advance();
        if (first != JsonParser.Event.START_OBJECT) {
            StrictJson.value(parser, first, 1, SEND);
            StrictJson.end(parser, SEND);
            throw ServiceException.of(
                    Kind.INVALID_REQUEST,
                    ErrorDomains.USAGE,
                    INVALID_TYPE,
                    "The body must be a JSON object {\"items\": [...]}.",
                    null,
                    SEND);
        }
        JsonParser.Event event = advance();
        if (event == JsonParser.Event.END_OBJECT) {
            StrictJson.end(parser, SEND);
            throw itemsRequired();
        }
        checkKey();
        event = advance();
        if (event == JsonParser.Event.VALUE_NULL) {
            throw itemsRequired();
        }
        if (event != JsonParser.Event.START_ARRAY) {
            throw ServiceException.of(
                    Kind.INVALID_REQUEST,
                    ErrorDomains.USAGE,
                    INVALID_TYPE,
                    "items must be an array of readings.",
                    "items",
                    SEND);
        }
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
            finish();
            return null;
        }
        int at = index++;
        // the root object is level 1, items level 2: each reading is read whole, within the depth limit
        JsonValue item = StrictJson.value(parser, event, 3, SEND);
        if (!(item instanceof JsonObject object)) {
            return IndexedRow.failed(at, "", "A reading must be a JSON object.");
        }
        JsonFields fields = JsonFields.of(object, ErrorDomains.USAGE);
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
            return IndexedRow.failed(at, e.field(), e.code(), e.getMessage());
        }
    }

    /**
     * After the items: the body must end with the object, and nothing may follow it. Only then
     * is the batch complete; a body cut short is refused even when every reading in it was good.
     */
    private void finish() {
        JsonParser.Event after = advance();
        if (after == JsonParser.Event.KEY_NAME) {
            String key = parser.getString();
            checkKey();
            throw StrictJson.invalid("The body names the field '" + key + "' twice.", SEND);
        }
        StrictJson.end(parser, SEND);
        parser.close();
        done = true;
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
        return StrictJson.next(parser, SEND);
    }

    private static ServiceException itemsRequired() {
        return ServiceException.of(
                Kind.INVALID_REQUEST, ErrorDomains.USAGE, REQUIRED_FIELD, "items is required.", "items", SEND);
    }
}
