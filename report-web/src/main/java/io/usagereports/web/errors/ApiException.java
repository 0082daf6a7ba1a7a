package io.usagereports.web.errors;

import jakarta.ws.rs.WebApplicationException;

/**
 * A failure found at the HTTP boundary (a malformed body, a bad query parameter, a body too
 * large) before any service is called. Mapped to the one error shape with its own status.
 * It is a {@link WebApplicationException} so that the runtime passes it through unwrapped
 * even when it is thrown while a body is being read.
 */
public class ApiException extends WebApplicationException {

    private final int status;
    private final String code;
    private final String domain;
    private final String field;
    private final String info;

    /** An error about the HTTP exchange itself (its path, method, media type, size or syntax). */
    public ApiException(int status, String code, String message, String field, String info) {
        this(status, code, ErrorResponses.API_DOMAIN, message, field, info);
    }

    /** An error about the content of a request, in the domain of the resource it addresses. */
    public ApiException(int status, String code, String domain, String message, String field, String info) {
        super(message, status);
        this.status = status;
        this.code = code;
        this.domain = domain;
        this.field = field;
        this.info = info;
    }

    /** A 400 about one field or parameter of a request in {@code domain}. */
    public static ApiException badRequest(String domain, String code, String field, String message) {
        return new ApiException(400, code, domain, message, field, null);
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

    public String field() {
        return field;
    }

    public String info() {
        return info;
    }
}
