package io.usagereports.model.common;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Map;

/** The one error envelope of every 4xx and 5xx response: {@code {"error": {...}}}. */
public record ApiError(ErrorBody error) {

    /**
     * {@code code}, {@code domain}, {@code message} and {@code details} are always present;
     * {@code context} carries machine-readable facts such as the versions of a conflict.
     */
    @JsonbPropertyOrder({"code", "domain", "message", "details", "context"})
    public record ErrorBody(
            String code, String domain, String message, ErrorDetails details, Map<String, Object> context) {}

    /** {@code info}: what to do about it; {@code field}: JSON path of the offending field. */
    public record ErrorDetails(String info, String field) {}
}
