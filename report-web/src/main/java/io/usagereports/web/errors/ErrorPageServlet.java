package io.usagereports.web.errors;

import static io.usagereports.model.common.ErrorCodes.FORBIDDEN;
import static io.usagereports.model.common.ErrorCodes.INTERNAL_ERROR;
import static io.usagereports.model.common.ErrorCodes.INVALID_VALUE;
import static io.usagereports.model.common.ErrorCodes.METHOD_NOT_ALLOWED;
import static io.usagereports.model.common.ErrorCodes.NOT_ACCEPTABLE;
import static io.usagereports.model.common.ErrorCodes.NOT_FOUND;
import static io.usagereports.model.common.ErrorCodes.PAYLOAD_TOO_LARGE;
import static io.usagereports.model.common.ErrorCodes.UNAUTHORIZED;
import static io.usagereports.model.common.ErrorCodes.UNSUPPORTED_MEDIA_TYPE;

import io.usagereports.model.common.ApiError.ErrorBody;
import io.usagereports.model.common.ApiError.ErrorDetails;
import io.usagereports.model.common.ErrorDomains;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page of the web container (web.xml: the default error page, for every status and
 * exception), for requests that never reach the API's JAX-RS runtime or that it refuses itself
 * (paths outside {@code /api/2}, a request it cannot parse): they get the one error shape too,
 * never Liberty's HTML page.
 */
@WebServlet("/error-page")
public class ErrorPageServlet extends HttpServlet {

    /** 431: a header, or all of them together, larger than the server accepts. */
    static final String HEADER_TOO_LARGE = "header_too_large";

    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        Throwable failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String s
                ? s
                : request.getRequestURI();
        ServletErrors.write(response, status, body(status, request.getMethod(), uri, failure));
    }

    static ErrorBody body(int status, String method, String uri, Throwable failure) {
        return switch (status) {
            case 400 -> {
                String pathProblem = RequestChecks.pathProblem(uri);
                if (pathProblem != null) {
                    yield MalformedRequestFilter.invalidPath(pathProblem);
                }
                if (failure != null && String.valueOf(failure.getMessage()).contains("CWWWC0005I")) {
                    yield MalformedRequestFilter.invalidPath("characters the server refuses");
                }
                yield ServletErrors.api(
                        INVALID_VALUE,
                        "The request cannot be read.",
                        null,
                        "Check the request line and headers (Content-Type, Accept).");
            }
            case 401 -> ServletErrors.api(UNAUTHORIZED, "Authentication is required.", null, null);
            case 403 -> ServletErrors.api(FORBIDDEN, "This is not allowed.", null, null);
            case 404 ->
                ServletErrors.api(
                        NOT_FOUND, "No resource at this path.", null, "The API is under /api/2; see /openapi.");
            case 405 ->
                ServletErrors.api(METHOD_NOT_ALLOWED, "Method " + method + " is not allowed on this path.", null, null);
            case 406 ->
                ServletErrors.api(
                        NOT_ACCEPTABLE,
                        "The API answers with application/json only.",
                        null,
                        "Send Accept: application/json.");
            case 413 -> ServletErrors.api(PAYLOAD_TOO_LARGE, "The request is too large.", null, null);
            case 414 -> MalformedRequestFilter.invalidPath("more characters than the server accepts");
            case 415 ->
                ServletErrors.api(
                        UNSUPPORTED_MEDIA_TYPE,
                        "The request body's media type is not supported.",
                        null,
                        "Send Content-Type: application/json.");
            case 431 ->
                ServletErrors.api(
                        HEADER_TOO_LARGE,
                        "A request header is larger than the server accepts.",
                        null,
                        "Send headers of at most 128 KiB each.");
            default -> status >= 500 ? internalError(status, method, uri, failure) : generic(status);
        };
    }

    private static ErrorBody generic(int status) {
        return ServletErrors.api(INVALID_VALUE, "The request failed (HTTP " + status + ").", null, null);
    }

    /** The cause goes to the log under an incident ID; the client gets that ID and nothing internal. */
    private static ErrorBody internalError(int status, String method, String uri, Throwable failure) {
        String incident = UUID.randomUUID().toString();
        LOG.log(
                Level.SEVERE,
                "The container answered " + status + " to " + method + " " + uri + ", incident " + incident,
                failure);
        return new ErrorBody(
                INTERNAL_ERROR,
                ErrorDomains.API,
                "The server failed to process the request.",
                new ErrorDetails("Retry later. If it persists, report incident " + incident + ".", null),
                Map.of("incident", incident));
    }
}
