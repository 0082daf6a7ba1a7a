package io.usagereports.web.json;

import static io.usagereports.model.common.ErrorCodes.UNSUPPORTED_MEDIA_TYPE;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The media types of request bodies (docs/api.md §1): JSON, and CSV for usage ingestion, in
 * UTF-8 only. A JSON or CSV body that declares another charset ({@code application/json;
 * charset=latin1}) is refused with {@code 415} before it is read, on every endpoint: it would
 * be decoded as UTF-8 anyway, and read wrong. Runs after authentication and after the
 * runtime has matched the resource (and refused a type the resource does not take).
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class BodyMediaTypes implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = parse(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
        if (type != null && (isJson(type) || isCsv(type)) && !utf8(type)) {
            throw unsupported(
                    "The request body must be UTF-8, not " + charset(type) + ".",
                    "Send Content-Type: " + type.getType() + "/" + type.getSubtype() + " (or with charset=utf-8).");
        }
    }

    /**
     * For an endpoint that reads its optional body itself: a body, when there is one, must be
     * {@code application/json}; 415 otherwise (a missing {@code Content-Type} included).
     */
    public static void requireJson(String contentType) {
        MediaType type = parse(contentType);
        if (type == null || !isJson(type)) {
            throw unsupported(
                    "The request body must be application/json, not "
                            + (contentType == null || contentType.isBlank() ? "missing" : contentType) + ".",
                    "Send Content-Type: application/json, or no body.");
        }
    }

    /** The media type of a {@code Content-Type} header, or null when it is absent or malformed. */
    private static MediaType parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return MediaType.valueOf(header.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isJson(MediaType type) {
        return type.getType().equalsIgnoreCase("application")
                && type.getSubtype().equalsIgnoreCase("json");
    }

    private static boolean isCsv(MediaType type) {
        return type.getType().equalsIgnoreCase("text") && type.getSubtype().equalsIgnoreCase("csv");
    }

    /** Whether the type declares no charset, or UTF-8 under any of its names. */
    static boolean utf8(MediaType type) {
        String name = charset(type);
        if (name == null) {
            return true;
        }
        try {
            return Charset.isSupported(name) && Charset.forName(name).equals(StandardCharsets.UTF_8);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    private static String charset(MediaType type) {
        for (Map.Entry<String, String> parameter : type.getParameters().entrySet()) {
            if (parameter.getKey().toLowerCase(Locale.ROOT).equals(MediaType.CHARSET_PARAMETER)) {
                String value = parameter.getValue().trim();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1)
                        : value;
            }
        }
        return null;
    }

    private static ServiceException unsupported(String message, String info) {
        return ServiceException.of(
                Kind.UNSUPPORTED_FORMAT, ErrorDomains.API, UNSUPPORTED_MEDIA_TYPE, message, null, info);
    }
}
