package io.usagereports.service.common;

import io.usagereports.model.common.ErrorCodes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A failure the caller can act on: the one carrier of API errors, thrown by use cases and by
 * the web layer alike. It names the failure in the API's
 * vocabulary (a stable {@code code}, the offending {@code field}, the {@code domain}) without
 * knowing HTTP: the web layer turns its {@link Kind} into a status. Unchecked, so that the
 * surrounding transaction rolls back and nothing is half-written.
 */
public class ServiceException extends RuntimeException {

    /**
     * What kind of failure this is, independent of any protocol; the web layer maps each to its
     * status. {@code TOO_LARGE} and {@code UNSUPPORTED_FORMAT} are about the request as a whole: a
     * body too large, a body in a format the API does not read. {@code TOO_MANY_ATTEMPTS} refuses a
     * sign-in after too many failed ones; its context holds {@code retry_after}, in seconds.
     */
    public enum Kind {
        INVALID_REQUEST,
        UNAUTHENTICATED,
        FORBIDDEN,
        NOT_FOUND,
        CONFLICT,
        TOO_LARGE,
        UNSUPPORTED_FORMAT,
        TOO_MANY_ATTEMPTS
    }

    private final Kind kind;
    private final String domain;
    private final String code;
    private final String field;
    private final String info;
    private final Map<String, Object> context;

    public ServiceException(
            Kind kind,
            String domain,
            String code,
            String message,
            String field,
            String info,
            Map<String, Object> context) {
        super(message);
        this.kind = kind;
        this.domain = domain;
        this.code = code;
        this.field = field;
        this.info = info;
        this.context = context == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    public static ServiceException invalid(String domain, String code, String field, String message, String info) {
        return new ServiceException(Kind.INVALID_REQUEST, domain, code, message, field, info, null);
    }

    /** A failure of {@code kind} without context. */
    public static ServiceException of(
            Kind kind, String domain, String code, String message, String field, String info) {
        return new ServiceException(kind, domain, code, message, field, info, null);
    }

    /**
     * A stale version: the client expected {@code expected} of the object, which is at
     * {@code actual}. The context names both, and the object under {@code idName}.
     */
    public static ServiceException versionConflict(
            String domain, String noun, String idName, Object id, int expected, int actual) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put(idName, id.toString());
        context.put("expected_version", expected);
        context.put("actual_version", actual);
        return new ServiceException(
                Kind.CONFLICT,
                domain,
                ErrorCodes.VERSION_CONFLICT,
                noun + " " + id + " is at version " + actual + ", not " + expected + ".",
                "version",
                "Fetch the " + noun.toLowerCase(Locale.ROOT) + " again, then retry with its current version.",
                context);
    }

    public Kind kind() {
        return kind;
    }

    public String domain() {
        return domain;
    }

    public String code() {
        return code;
    }

    /** JSON path of the offending field or parameter, or {@code null}. */
    public String field() {
        return field;
    }

    /** What the caller can do about it, or {@code null}. */
    public String info() {
        return info;
    }

    public Map<String, Object> context() {
        return context;
    }
}
