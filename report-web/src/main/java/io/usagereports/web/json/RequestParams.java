package io.usagereports.web.json;

import static io.usagereports.model.common.ErrorCodes.INVALID_VALUE;
import static io.usagereports.model.common.ErrorCodes.NOT_FOUND;

import io.usagereports.model.common.WireEnum;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import java.util.UUID;

/**
 * Path and query parameters, parsed here rather than by the runtime: the runtime would answer
 * a malformed query parameter with a bare 404, the API answers 400 naming the parameter.
 */
public final class RequestParams {

    private RequestParams() {}

    /**
     * The ID of an object or tenant addressed in the path. A malformed ID names nothing that
     * exists, so on every path it is answered like an unknown one: 404 {@code not_found}.
     */
    public static UUID pathId(String text, String what, String domain) {
        try {
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ServiceException.of(
                Kind.NOT_FOUND, domain, NOT_FOUND, what + " " + text + " does not exist.", null, null);
    }

    /**
     * A version number a client sends (a query parameter, an {@code If-Match} tag): 1, 2, ...;
     * otherwise 400 {@code invalid_value} on {@code field}, naming what it is the version
     * {@code of} ({@code "report"}, {@code "user"}).
     */
    public static int version(String text, String field, String of, String domain) {
        try {
            int version = Integer.parseInt(text.trim());
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ServiceException.invalid(
                domain,
                INVALID_VALUE,
                field,
                field + " must be a " + of + " version (1, 2, ...), not '" + text + "'.",
                null);
    }

    public static UUID optionalUuid(String text, String name, String domain) {
        return text == null || text.isEmpty() ? null : JsonFields.parseUuid(text, name, domain);
    }

    public static <E extends Enum<E> & WireEnum> E optionalEnum(
            String text, Class<E> type, String name, String domain) {
        return text == null || text.isEmpty() ? null : JsonFields.parseEnum(text, type, name, domain);
    }

    /** An integer parameter within {@code [min, max]}, or {@code fallback} when absent. */
    public static int intInRange(String text, String name, int min, int max, int fallback, String domain) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ServiceException.invalid(
                domain,
                INVALID_VALUE,
                name,
                name + " must be an integer from " + min + " to " + max + ", not '" + text + "'.",
                null);
    }
}
