package io.usagereports.web.json;

import static io.usagereports.model.common.ErrorCodes.INVALID_TYPE;
import static io.usagereports.model.common.ErrorCodes.INVALID_VALUE;
import static io.usagereports.model.common.ErrorCodes.UNKNOWN_FIELD;

import io.usagereports.model.common.Timestamps;
import io.usagereports.model.common.WireEnum;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Strict, typed access to the fields of one JSON object of a request body. Every accessor
 * checks the JSON type and the value's form and, on failure, names the field by its JSON
 * path ({@code parameters.period.end}, {@code recipients[2]}). After the caller has read every
 * field it knows, {@link #rejectUnknown()} refuses anything else. A {@code null} value counts
 * as an absent field.
 */
public final class JsonFields {

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final JsonObject object;
    private final String path;
    private final String domain;
    private final Set<String> known = new HashSet<>();

    private JsonFields(JsonObject object, String path, String domain) {
        this.object = object;
        this.path = path;
        this.domain = domain;
    }

    /** The fields of a request body addressed to a resource of {@code domain} (for errors). */
    public static JsonFields of(JsonObject body, String domain) {
        return new JsonFields(body, "", domain);
    }

    public String domain() {
        return domain;
    }

    public String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Whether the field is in the body at all, even as {@code null}. */
    public boolean has(String name) {
        return object.containsKey(name);
    }

    /** The field names of this object, in the order of the body. */
    public Set<String> names() {
        return object.keySet();
    }

    public JsonFields object(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw wrongType(domain, pathOf(name), "an object");
        }
        return new JsonFields(value.asJsonObject(), pathOf(name), domain);
    }

    public UUID uuid(String name) {
        String text = string(name);
        return text == null ? null : parseUuid(text, pathOf(name), domain);
    }

    public LocalDate date(String name) {
        String text = string(name);
        return text == null ? null : parseDate(text, pathOf(name), domain);
    }

    /** A time of day as {@code HH:MM} (24-hour), e.g. {@code 06:00}. */
    public LocalTime time(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        if (text.matches("\\d{2}:\\d{2}")) {
            try {
                return LocalTime.parse(text);
            } catch (DateTimeParseException e) {
                // fall through
            }
        }
        throw ServiceException.of(
                Kind.INVALID_REQUEST,
                domain,
                INVALID_VALUE,
                pathOf(name) + " must be a time of day as HH:MM, like 06:00," + " not '" + text + "'.",
                pathOf(name),
                null);
    }

    public <E extends Enum<E> & WireEnum> E enumValue(String name, Class<E> type) {
        String text = string(name);
        return text == null ? null : parseEnum(text, type, pathOf(name), domain);
    }

    /** A boolean; the strings {@code "true"} and {@code "false"} are accepted too (docs/api.md §1). */
    public Boolean bool(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return null;
        }
        if (value == JsonValue.TRUE
                || value instanceof JsonString s && s.getString().equals("true")) {
            return true;
        }
        if (value == JsonValue.FALSE
                || value instanceof JsonString s && s.getString().equals("false")) {
            return false;
        }
        throw ServiceException.of(
                Kind.INVALID_REQUEST,
                domain,
                INVALID_TYPE,
                pathOf(name) + " must be a boolean (true or false).",
                pathOf(name),
                null);
    }

    public List<UUID> uuidList(String name) {
        return list(name, "an array of UUID strings", (text, at) -> parseUuid(text, at, domain));
    }

    public <E extends Enum<E> & WireEnum> List<E> enumList(String name, Class<E> type) {
        return list(name, "an array of strings", (text, at) -> parseEnum(text, type, at, domain));
    }

    /** Refuses every field of this object that no accessor has asked for. */
    public void rejectUnknown() {
        for (String name : object.keySet()) {
            if (!known.contains(name)) {
                throw ServiceException.of(
                        Kind.INVALID_REQUEST,
                        domain,
                        UNKNOWN_FIELD,
                        "Unknown field " + pathOf(name) + ".",
                        pathOf(name),
                        "Remove the field; see /openapi for the fields of this request.");
            }
        }
    }

    /** A string field as it is. */
    public String text(String name) {
        return string(name);
    }

    /** An integer field (a JSON number without fraction). */
    public Integer integer(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw wrongType(domain, pathOf(name), "an integer");
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw ServiceException.of(
                    Kind.INVALID_REQUEST,
                    domain,
                    INVALID_VALUE,
                    pathOf(name) + " is out of range.",
                    pathOf(name),
                    null);
        }
    }

    /** A whole number that fits in 64 bits. */
    public Long longValue(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw wrongType(domain, pathOf(name), "a whole number");
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw ServiceException.of(
                    Kind.INVALID_REQUEST,
                    domain,
                    INVALID_VALUE,
                    pathOf(name) + " is out of range.",
                    pathOf(name),
                    null);
        }
    }

    /** An RFC 3339 timestamp with an offset, e.g. {@code 2026-05-08T07:36:57+00:00}. */
    public Instant timestamp(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        try {
            return Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            throw ServiceException.of(
                    Kind.INVALID_REQUEST,
                    domain,
                    INVALID_VALUE,
                    pathOf(name) + " must be a timestamp with an offset, like 2026-05-08T07:36:57+00:00, not '" + text
                            + "'.",
                    pathOf(name),
                    null);
        }
    }

    /** An array of objects, each read with its own strict accessors. */
    public List<JsonFields> objects(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw wrongType(domain, pathOf(name), "an array of objects");
        }
        List<JsonFields> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String at = pathOf(name) + "[" + i + "]";
            if (!(array.get(i) instanceof JsonObject item)) {
                throw wrongType(domain, at, "an object");
            }
            items.add(new JsonFields(item, at, domain));
        }
        return items;
    }

    private String string(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw wrongType(domain, pathOf(name), "a string");
        }
        return text.getString();
    }

    private <T> List<T> list(String name, String expected, ElementParser<T> parser) {
        JsonValue value = value(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw wrongType(domain, pathOf(name), expected);
        }
        List<T> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String at = pathOf(name) + "[" + i + "]";
            if (!(array.get(i) instanceof JsonString text)) {
                throw wrongType(domain, at, "a string");
            }
            items.add(parser.parse(text.getString(), at));
        }
        return items;
    }

    private JsonValue value(String name) {
        known.add(name);
        JsonValue value = object.get(name);
        return value == null || value == JsonValue.NULL ? null : value;
    }

    /** Parses a UUID in its canonical 8-4-4-4-12 form, in either case. */
    public static UUID parseUuid(String text, String field, String domain) {
        if (text.length() == 36) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                // fall through
            }
        }
        throw ServiceException.of(
                Kind.INVALID_REQUEST,
                domain,
                INVALID_VALUE,
                field + " must be a UUID, not '" + text + "'.",
                field,
                null);
    }

    /** A date as {@code YYYY-MM-DD}: four digits of year, no sign (ISO's {@code +10000-01-01} is no date here). */
    public static LocalDate parseDate(String text, String field, String domain) {
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ServiceException.of(
                Kind.INVALID_REQUEST,
                domain,
                INVALID_VALUE,
                field + " must be a date as YYYY-MM-DD, not '" + text + "'.",
                field,
                null);
    }

    public static <E extends Enum<E> & WireEnum> E parseEnum(String text, Class<E> type, String field, String domain) {
        return WireEnum.parse(type, text)
                .orElseThrow(() -> ServiceException.of(
                        Kind.INVALID_REQUEST,
                        domain,
                        INVALID_VALUE,
                        field + " must be one of: " + WireEnum.allowed(type) + " (not '" + text + "').",
                        field,
                        null));
    }

    private static ServiceException wrongType(String domain, String field, String expected) {
        return ServiceException.of(
                Kind.INVALID_REQUEST, domain, INVALID_TYPE, field + " must be " + expected + ".", field, null);
    }

    @FunctionalInterface
    private interface ElementParser<T> {
        T parse(String text, String field);
    }
}
