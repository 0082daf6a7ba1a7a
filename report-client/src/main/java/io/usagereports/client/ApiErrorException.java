package io.usagereports.client;

import io.usagereports.model.common.ApiError;
import java.util.Collections;
import java.util.LinkedHashMap;
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
    private final ApiError.ErrorBody body;

    public ApiErrorException(int status, ApiError.ErrorBody error) {
        super(status + " " + error.code() + ": " + error.message());
        this.status = status;
        this.code = error.code();
        this.domain = error.domain();
        this.field = error.details() == null ? null : error.details().field();
        this.info = error.details() == null ? null : error.details().info();
        // Kept as sent, null values included (Map.copyOf would refuse them).
        this.context =
                error.context() == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(error.context()));
        this.body = error;
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

    /**
     * Machine-readable facts, e.g. {@code expected_version} and {@code actual_version} of a
     * conflict. JSON numbers arrive as {@link java.math.BigDecimal}: read them through {@link Number}.
     */
    public Map<String, Object> context() {
        return context;
    }

    /** The error as the server sent it. */
    ApiError error() {
        return new ApiError(body);
    }
}
