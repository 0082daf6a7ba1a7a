package io.usagereports.client;

import io.usagereports.model.directory.Token;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/** The token endpoint; {@link Credentials} call it for you. */
@RegisterProvider(ApiErrorMapper.class)
@RegisterProvider(WireJsonResolver.class)
public interface TokenApi {

    @POST
    @Path("idp/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Token token(@HeaderParam("Authorization") String basicAuthorization, @FormParam("grant_type") String grantType);
}
