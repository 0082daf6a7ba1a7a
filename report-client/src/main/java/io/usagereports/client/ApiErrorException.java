package io.usagereports.client;

import io.usagereports.model.common.ApiError;
import java.util.Map;

/**
 * An error answer of the API, typed: the HTTP status and the fields of the error shape, so a
 * caller can switch on {@link #code()} (see {@code ErrorCodes}) and {@link #field()}.
 */
public class ApiErrorException extends RuntimeException {

    private final int status;
    private final String code;
    private final String domain;
    private final String field;
    private final String info;
    private final Map<String, Object> context;

    public ApiErrorException(int status, ApiError.ErrorBody error) {
        super(status + " " + error.code() + ": " + error.message());
        this.status = status;
        this.code = error.code();
        this.domain = error.domain();
        this.field = error.details() == null ? null : error.details().field();
        this.info = error.details() == null ? null : error.details().info();
        this.context = error.context() == null ? Map.of() : Map.copyOf(error.context());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String domain() {
        return domain;
    }

    /** JSON path of the offending field, or {@code null}. */
    public String field() {
        return field;
    }

    /** What to do about it, or {@code null}. */
    public String info() {
        return info;
    }

    /** Machine-readable facts, e.g. {@code expected_version} and {@code actual_version} of a conflict. */
    public Map<String, Object> context() {
        return context;
    }
}
