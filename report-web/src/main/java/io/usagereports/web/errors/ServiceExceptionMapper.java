package io.usagereports.web.errors;

import io.usagereports.service.common.ServiceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A use case's failure: the kind of failure decides the status, the rest is copied as is. */
@Provider
public class ServiceExceptionMapper implements ExceptionMapper<ServiceException> {

    @Override
    public Response toResponse(ServiceException e) {
        int status = switch (e.kind()) {
            case INVALID_REQUEST -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
        };
        return ErrorResponses.of(status, e.code(), e.domain(), e.getMessage(), e.field(), e.info(), e.context());
    }
}
