package io.usagereports.web.errors;

import static io.usagereports.model.common.ErrorCodes.INTERNAL_ERROR;
import static io.usagereports.model.common.ErrorCodes.INVALID_VALUE;
import static io.usagereports.model.common.ErrorCodes.METHOD_NOT_ALLOWED;
import static io.usagereports.model.common.ErrorCodes.NOT_ACCEPTABLE;
import static io.usagereports.model.common.ErrorCodes.NOT_FOUND;
import static io.usagereports.model.common.ErrorCodes.UNSUPPORTED_MEDIA_TYPE;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JAX-RS runtime's own failures (no such path, wrong method, wrong media type), which
 * would otherwise answer with an empty body or an HTML page.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException e) {
        var carried = ServiceExceptionMapper.carried(e.getCause());
        if (carried.isPresent()) {
            return ServiceExceptionMapper.response(carried.get());
        }
        int status = e.getResponse().getStatus();
        Response response = switch (status) {
            case 404 ->
                ErrorResponses.api(
                        404,
                        NOT_FOUND,
                        "No resource at " + request.getMethod() + " /api/2/"
                                + uri.getPath(false).replaceFirst("^/", "") + ".",
                        "See /openapi for the API's paths.");
            case 405 ->
                ErrorResponses.api(
                        405,
                        METHOD_NOT_ALLOWED,
                        "Method " + request.getMethod() + " is not allowed on this path.",
                        "Allowed: " + String.join(", ", e.getResponse().getAllowedMethods()) + ".");
            case 406 ->
                ErrorResponses.api(
                        406,
                        NOT_ACCEPTABLE,
                        "The API answers with application/json only.",
                        "Send Accept: application/json.");
            case 415 ->
                ErrorResponses.api(
                        415,
                        UNSUPPORTED_MEDIA_TYPE,
                        "The request body must be application/json, not " + describe(headers.getMediaType()) + ".",
                        "Send Content-Type: application/json.");
            default -> {
                if (status >= 500) {
                    LOG.log(Level.SEVERE, "Request failed in the JAX-RS runtime", e);
                    yield ErrorResponses.api(
                            500,
                            INTERNAL_ERROR,
                            "The server failed to process the request.",
                            "Retry later; the failure is logged.");
                }
                yield ErrorResponses.api(status, INVALID_VALUE, "The request is not valid.", null);
            }
        };
        if (status == 405) {
            return Response.fromResponse(response)
                    .allow(e.getResponse().getAllowedMethods())
                    .build();
        }
        return response;
    }

    private static String describe(MediaType type) {
        return type == null ? "missing" : type.toString();
    }
}
