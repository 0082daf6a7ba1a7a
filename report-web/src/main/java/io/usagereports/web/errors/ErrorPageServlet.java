package io.usagereports.web.errors;

import static io.usagereports.model.common.ErrorCodes.INTERNAL_ERROR;
import static io.usagereports.model.common.ErrorCodes.METHOD_NOT_ALLOWED;
import static io.usagereports.model.common.ErrorCodes.NOT_FOUND;

import io.usagereports.model.common.ApiError;
import io.usagereports.model.common.ApiError.ErrorBody;
import io.usagereports.model.common.ApiError.ErrorDetails;
import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.json.WireJson;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of the web container (see web.xml), for requests that never reach the API's
 * JAX-RS runtime, such as paths outside {@code /api/2}: they get the one error shape too.
 */
@WebServlet("/error-page")
public class ErrorPageServlet extends HttpServlet {

    private final transient Jsonb jsonb = JsonbBuilder.create(WireJson.config());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = attribute instanceof Integer code ? code : 404;
        ErrorBody body = switch (status) {
            case 404 ->
                new ErrorBody(
                        NOT_FOUND,
                        ErrorDomains.API,
                        "No resource at this path.",
                        new ErrorDetails("The API is under /api/2; see /openapi.", null),
                        null);
            case 405 ->
                new ErrorBody(
                        METHOD_NOT_ALLOWED,
                        ErrorDomains.API,
                        "Method " + request.getMethod() + " is not allowed on this path.",
                        new ErrorDetails(null, null),
                        null);
            default ->
                new ErrorBody(
                        status >= 500 ? INTERNAL_ERROR : "http_" + status,
                        ErrorDomains.API,
                        "The request failed.",
                        new ErrorDetails(null, null),
                        null);
        };
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(jsonb.toJson(new ApiError(body)));
    }
}
