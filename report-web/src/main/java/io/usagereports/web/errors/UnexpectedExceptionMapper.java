package io.usagereports.web.errors;

import static io.usagereports.model.common.ErrorCodes.INTERNAL_ERROR;

import io.usagereports.model.common.ErrorDomains;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: anything no other mapper handles is a bug or an outage. The cause goes to
 * the log under an incident ID; the client gets that ID and nothing internal.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        var carried = ServiceExceptionMapper.carried(e);
        if (carried.isPresent()) {
            return ServiceExceptionMapper.response(carried.get());
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
        return ErrorResponses.of(
                500,
                INTERNAL_ERROR,
                ErrorDomains.API,
                "The server failed to process the request.",
                null,
                "Retry later. If it persists, report incident " + incident + ".",
                Map.of("incident", incident));
    }
}
