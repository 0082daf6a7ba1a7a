package io.usagereports.web.directory;

import static io.usagereports.model.common.ErrorCodes.REQUIRED_FIELD;
import static io.usagereports.model.common.ErrorCodes.UNSUPPORTED_GRANT_TYPE;

import io.usagereports.model.common.ApiError;
import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.directory.Token;
import io.usagereports.service.access.TokenService;
import io.usagereports.service.common.ServiceException;
import io.usagereports.web.security.AuthenticationFilter;
import io.usagereports.web.security.BasicCredentials;
import io.usagereports.web.security.PublicEndpoint;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The token endpoint: client credentials (HTTP Basic) for a bearer token (docs/api.md §2). */
@Path("idp/token")
@Tag(name = "Authentication")
public class TokenResource {

    static final String CLIENT_CREDENTIALS = "client_credentials";

    @Inject
    TokenService tokens;

    @POST
    @PublicEndpoint
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Get a bearer token",
            description = "Form body grant_type=client_credentials; the API client's ID and secret as HTTP Basic.")
    @APIResponse(
            responseCode = "200",
            description = "A token, valid until expires_on",
            content = @Content(schema = @Schema(implementation = Token.class)))
    @APIResponse(
            responseCode = "401",
            description = "Wrong client credentials, or the client's user is disabled",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(
            responseCode = "429",
            description = "Too many failed attempts from this address; Retry-After says when to try again",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response token(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            String body,
            @Context HttpServletRequest request) {
        // The form is read as the body, not with @FormParam: that reads the servlet's parameters
        // and would bypass the body size limit set on the entity stream. It is decoded here, not
        // by the runtime, so that a malformed one is a 400 (FormBody).
        String grantType = FormBody.parse(body).get("grant_type");
        if (grantType == null || grantType.isEmpty()) {
            throw ServiceException.invalid(
                    ErrorDomains.AUTH, REQUIRED_FIELD, "grant_type", "grant_type is required.", null);
        }
        if (!CLIENT_CREDENTIALS.equals(grantType)) {
            throw ServiceException.invalid(
                    ErrorDomains.AUTH,
                    UNSUPPORTED_GRANT_TYPE,
                    "grant_type",
                    "grant_type must be client_credentials, not '" + grantType + "'.",
                    null);
        }
        BasicCredentials client = BasicCredentials.parse(authorization);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(tokens.issue(client.user(), client.password(), AuthenticationFilter.sourceAddress(request)))
                .cacheControl(noStore)
                .build();
    }
}
