package io.usagereports.web.errors;

import io.usagereports.model.common.ApiError;
import io.usagereports.model.common.ApiError.ErrorBody;
import io.usagereports.model.common.ApiError.ErrorDetails;
import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.json.WireJson;
import io.usagereports.web.http.SecurityHeaders;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the one error shape from servlet code, where no JAX-RS runtime is there to map an
 * exception: the container's error page and the requests refused before the API sees them.
 */
final class ServletErrors {

    private ServletErrors() {}

    /** An error of the {@code Api} domain (the HTTP exchange itself). */
    static ErrorBody api(String code, String message, String field, String info) {
        return new ErrorBody(code, ErrorDomains.API, message, new ErrorDetails(info, field), null);
    }

    static void write(HttpServletResponse response, int status, ErrorBody body) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        SecurityHeaders.applyTo(response);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"usage-reports\"");
        }
        response.getWriter().write(Json.JSONB.toJson(new ApiError(body)));
    }

    /** Created on first use, inside a request of the application (JSON-B finds its provider). */
    private static final class Json {
        static final Jsonb JSONB = JsonbBuilder.create(WireJson.config());
    }
}
