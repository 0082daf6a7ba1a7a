package io.usagereports.web.json;

import static io.usagereports.model.common.ErrorCodes.INVALID_JSON;
import static io.usagereports.model.common.ErrorCodes.INVALID_TYPE;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Reads request bodies as JSON objects, answering malformed or empty bodies in the API's
 * error shape (with the line and column of a syntax error) instead of the runtime's default.
 * Bodies are UTF-8, as the API requires. Typed binding happens afterwards, field by field,
 * in {@link JsonFields}, so every error can name the field's JSON path.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonObjectBodyReader implements MessageBodyReader<JsonObject> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonObject.class;
    }

    @Override
    public JsonObject readFrom(
            Class<JsonObject> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body) {
        return read(body);
    }

    /** Reads a body that must be a JSON object; every problem is a 400 in the API's error shape. */
    public static JsonObject read(InputStream body) {
        JsonValue value;
        try (JsonReader reader = Json.createReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            var where = e.getLocation();
            throw ServiceException.of(
                    Kind.INVALID_REQUEST,
                    ErrorDomains.API,
                    INVALID_JSON,
                    "The body is not valid JSON"
                            + (where == null
                                    ? ""
                                    : " (line " + where.getLineNumber() + ", column " + where.getColumnNumber() + ")")
                            + ".",
                    null,
                    "Send a JSON object.");
        } catch (JsonException e) {
            if (e.getCause() instanceof ServiceException tooLarge) {
                throw tooLarge;
            }
            throw ServiceException.of(
                    Kind.INVALID_REQUEST,
                    ErrorDomains.API,
                    INVALID_JSON,
                    "The body is empty or not valid JSON.",
                    null,
                    "Send a JSON object.");
        }
        if (!(value instanceof JsonObject object)) {
            throw ServiceException.of(
                    Kind.INVALID_REQUEST,
                    ErrorDomains.API,
                    INVALID_TYPE,
                    "The body must be a JSON object.",
                    null,
                    "Send a JSON object.");
        }
        return object;
    }
}
