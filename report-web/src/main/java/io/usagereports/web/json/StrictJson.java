package io.usagereports.web.json;

import static io.usagereports.model.common.ErrorCodes.INVALID_JSON;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The syntax rules every JSON body obeys (docs/api.md §1), checked while it streams in: UTF-8
 * only (a malformed byte is an error, never a replacement character), at most {@link #MAX_DEPTH}
 * levels of objects and arrays, no member name twice in one object, and exactly one value, with
 * nothing but white space after it. Every violation, and every syntax error of the parser, is
 * {@code 400 invalid_json}; nothing of the parser's own failures reaches the client.
 */
public final class StrictJson {

    /** Objects and arrays nested deeper than this are refused; real bodies need five levels. */
    public static final int MAX_DEPTH = 64;

    private static final JsonProvider JSON = JsonProvider.provider();

    private StrictJson() {}

    /** The body as characters, decoded strictly: a byte sequence that is not UTF-8 fails the read. */
    public static Reader utf8(InputStream body) {
        return new InputStreamReader(
                body,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** A streaming parser of the body, decoded strictly as UTF-8. */
    public static JsonParser parser(InputStream body) {
        return JSON.createParser(utf8(body));
    }

    /**
     * Reads the whole body as one JSON value; {@code info} tells the client what to send
     * instead when it is not valid.
     */
    public static JsonValue read(InputStream body, String info) {
        try (JsonParser parser = parser(body)) {
            JsonValue value = value(parser, next(parser, info), 1, info);
            end(parser, info);
            return value;
        }
    }

    /**
     * The value that begins with {@code event}, the parser's current event, at nesting level
     * {@code depth} (the body's own value is at level 1): read to its end and built, with the
     * rules of this class.
     */
    public static JsonValue value(JsonParser parser, JsonParser.Event event, int depth, String info) {
        switch (event) {
            case START_OBJECT -> {
                checkDepth(parser, depth, info);
                JsonObjectBuilder object = JSON.createObjectBuilder();
                Set<String> names = new HashSet<>();
                for (JsonParser.Event e = next(parser, info);
                        e != JsonParser.Event.END_OBJECT;
                        e = next(parser, info)) {
                    String name = parser.getString();
                    if (!names.add(name)) {
                        throw invalid(
                                "The body names the field '" + name + "' twice in one object" + at(parser) + ".", info);
                    }
                    object.add(name, value(parser, next(parser, info), depth + 1, info));
                }
                return object.build();
            }
            case START_ARRAY -> {
                checkDepth(parser, depth, info);
                JsonArrayBuilder array = JSON.createArrayBuilder();
                for (JsonParser.Event e = next(parser, info); e != JsonParser.Event.END_ARRAY; e = next(parser, info)) {
                    array.add(value(parser, e, depth + 1, info));
                }
                return array.build();
            }
            case VALUE_STRING, VALUE_NUMBER, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> {
                return guarded(parser::getValue, info);
            }
            default -> throw invalid("The body is not valid JSON" + at(parser) + ".", info);
        }
    }

    /** The parser's next event; a syntax error, a byte that is not UTF-8 or an early end is a 400. */
    public static JsonParser.Event next(JsonParser parser, String info) {
        return guarded(parser::next, info);
    }

    /** Requires that nothing but white space follows the value just read. */
    public static void end(JsonParser parser, String info) {
        if (guarded(parser::hasNext, info)) {
            throw invalid("The body goes on after its JSON value" + at(parser) + ".", info);
        }
    }

    private static void checkDepth(JsonParser parser, int depth, String info) {
        if (depth > MAX_DEPTH) {
            throw invalid("The body is nested more than " + MAX_DEPTH + " levels deep" + at(parser) + ".", info);
        }
    }

    /**
     * One step of the parser. Besides its syntax errors, the parser fails with an I/O error
     * (a byte that is not UTF-8; the size limit's 413 rides inside), with
     * {@link NoSuchElementException} at an early end, and with bare runtime exceptions for its
     * own limits: each becomes the API's error.
     */
    private static <T> T guarded(Supplier<T> step, String info) {
        try {
            return step.get();
        } catch (JsonParsingException e) {
            throw invalid("The body is not valid JSON" + where(e.getLocation()) + ".", info);
        } catch (NoSuchElementException e) {
            throw invalid("The body is empty or ends too early.", info);
        } catch (RuntimeException e) {
            throw translated(e, info);
        }
    }

    /** The API error for a failure of the parser: a carried API error (413) as it is, else 400. */
    private static ServiceException translated(RuntimeException e, String info) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServiceException carried) {
                return carried;
            }
            if (t instanceof CharacterCodingException) {
                return invalid("The body is not valid UTF-8.", info);
            }
        }
        return invalid("The body is not valid JSON.", info);
    }

    private static String at(JsonParser parser) {
        try {
            return where(parser.getLocation());
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNumber() < 1
                ? ""
                : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
    }

    /** {@code 400 invalid_json}, domain {@code Api}: the body's syntax, not its content. */
    public static ServiceException invalid(String message, String info) {
        return ServiceException.of(Kind.INVALID_REQUEST, ErrorDomains.API, INVALID_JSON, message, null, info);
    }
}
