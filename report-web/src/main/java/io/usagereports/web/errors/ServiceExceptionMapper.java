package io.usagereports.web.errors;

import io.usagereports.service.common.ServiceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * The one carrier of API errors, from a use case or from the web layer itself: the kind of
 * failure decides the status, the rest is copied as is. A 429 also says in {@code Retry-After}
 * when to try again: the {@code retry_after} seconds of its context.
 */
@Provider
public class ServiceExceptionMapper implements ExceptionMapper<ServiceException> {

    static final String RETRY_AFTER = "Retry-After";

    @Override
    public Response toResponse(ServiceException e) {
        return response(e);
    }

    static Response response(ServiceException e) {
        int status = switch (e.kind()) {
            case INVALID_REQUEST -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_FORMAT -> 415;
            case TOO_MANY_ATTEMPTS -> 429;
        };
        Response response =
                ErrorResponses.of(status, e.code(), e.domain(), e.getMessage(), e.field(), e.info(), e.context());
        if (status == 429 && e.context().get("retry_after") instanceof Number seconds) {
            return Response.fromResponse(response)
                    .header(RETRY_AFTER, seconds.longValue())
                    .build();
        }
        return response;
    }

    /**
     * The API error a failure carries, if any. The runtime wraps what a body reader throws (in a
     * {@code ReaderException}, say), so the error may sit a few causes down.
     */
    static Optional<ServiceException> carried(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServiceException e) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
