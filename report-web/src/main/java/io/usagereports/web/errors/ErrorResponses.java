package io.usagereports.web.errors;

import io.usagereports.model.common.ApiError;
import io.usagereports.model.common.ApiError.ErrorBody;
import io.usagereports.model.common.ApiError.ErrorDetails;
import io.usagereports.model.common.ErrorDomains;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Builds every error response of the API, so all of them have the one shape of docs/api.md §1. */
public final class ErrorResponses {

    private ErrorResponses() {}

    public static Response of(
            int status,
            String code,
            String domain,
            String message,
            String field,
            String info,
            Map<String, Object> context) {
        ApiError error = new ApiError(new ErrorBody(
                code,
                domain,
                message,
                new ErrorDetails(info, field),
                context == null || context.isEmpty() ? null : context));
        Response.ResponseBuilder response =
                Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error);
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"usage-reports\"");
        }
        return response.build();
    }

    public static Response api(int status, String code, String message, String info) {
        return of(status, code, ErrorDomains.API, message, null, info, null);
    }
}
