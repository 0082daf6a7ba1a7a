package io.usagereports.client;

import io.usagereports.model.common.ApiError;
import io.usagereports.model.common.ApiError.ErrorBody;
import io.usagereports.model.common.ApiError.ErrorDetails;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns every 4xx/5xx answer into an {@link ApiErrorException} carrying the error's fields. */
public class ApiErrorMapper implements ResponseExceptionMapper<ApiErrorException> {

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public ApiErrorException toThrowable(Response response) {
        ErrorBody body = null;
        try {
            ApiError error = response.readEntity(ApiError.class);
            body = error == null ? null : error.error();
        } catch (ProcessingException | IllegalStateException e) {
            // not the API's error shape (e.g. a proxy's page): described by its status below
        }
        if (body == null || body.code() == null) {
            body = new ErrorBody(
                    "http_" + response.getStatus(),
                    null,
                    "HTTP " + response.getStatus() + " without an error body",
                    new ErrorDetails(null, null),
                    null);
        }
        return new ApiErrorException(response.getStatus(), body);
    }
}
