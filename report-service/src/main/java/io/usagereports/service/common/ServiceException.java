package io.usagereports.service.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure of a use case that the caller can act on. It names the failure in the API's
 * vocabulary (a stable {@code code}, the offending {@code field}) without knowing HTTP: the
 * web layer turns its {@link Kind} into a status. Unchecked, so that the surrounding
 * transaction rolls back and nothing is half-written.
 */
public class ServiceException extends RuntimeException {

    /** What kind of failure this is, independent of any protocol. */
    public enum Kind { INVALID_REQUEST, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String code;
    private final String field;
    private final String info;
    private final Map<String, Object> context;

    public ServiceException(Kind kind, String code, String message, String field, String info,
                            Map<String, Object> context) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
        this.info = info;
        this.context = context == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    public static ServiceException invalid(String code, String field, String message, String info) {
        return new ServiceException(Kind.INVALID_REQUEST, code, message, field, info, null);
    }

    public Kind kind() {
        return kind;
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

    /** The API domain the error belongs to; every service failure so far concerns reports. */
    public String domain() {
        return "Reports";
    }
}
