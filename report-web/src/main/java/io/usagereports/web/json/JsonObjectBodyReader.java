package io.usagereports.web.json;

import static io.usagereports.model.common.ErrorCodes.INVALID_TYPE;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads request bodies as JSON objects, answering malformed or empty bodies in the API's
 * error shape (with the line and column of a syntax error) instead of the runtime's default.
 * Bodies are strict UTF-8 JSON, as the API requires ({@link StrictJson}). Typed binding happens afterwards, field by field,
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

    /**
     * Reads a body that must be a JSON object; every problem is a 400 in the API's error shape,
     * by the rules of {@link StrictJson} (UTF-8, nesting depth, nothing after the value).
     */
    public static JsonObject read(InputStream body) {
        JsonValue value = StrictJson.read(body, "Send a JSON object.");
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
