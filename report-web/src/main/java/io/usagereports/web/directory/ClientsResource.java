package io.usagereports.web.directory;

import io.usagereports.model.common.ApiError;
import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.directory.ApiClient;
import io.usagereports.service.directory.ApiClientService;
import io.usagereports.web.json.RequestParams;
import io.usagereports.web.security.BasicAuthAllowed;
import io.usagereports.web.security.RequestActor;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** API clients: the credentials scripts exchange for tokens (docs/api.md §2). */
@Path("clients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directory")
public class ClientsResource {

    @Inject
    ApiClientService clients;

    @Inject
    RequestActor caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @BasicAuthAllowed
    @Operation(
            summary = "Create an API client (Basic login/password or bearer token)",
            description = "The answer holds client_secret; it is shown only here and cannot be retrieved later.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApiClient.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created, with its secret",
            content = @Content(schema = @Schema(implementation = ApiClient.class)))
    public Response create(JsonObject body, @Context UriInfo uri) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        ApiClient created = clients.create(caller.get(), DirectoryJson.readClient(body));
        return Response.created(uri.getBaseUriBuilder().path("clients/{id}").build(created.clientId()))
                .cacheControl(noStore)
                .entity(created)
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An API client, without its secret")
    @APIResponse(
            responseCode = "200",
            description = "The client",
            content = @Content(schema = @Schema(implementation = ApiClient.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such client, or outside the caller's subtree",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ApiClient get(@PathParam("id") String id) {
        return clients.get(caller.get(), RequestParams.pathId(id, "API client", ErrorDomains.DIRECTORY));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete an API client",
            description = "Its secret no longer gets tokens, and the tokens it got are refused within seconds on every"
                    + " server. The user who made it may delete it; anyone else needs write access to its tenant.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "404",
            description = "No such client, or outside the caller's subtree",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response delete(@PathParam("id") String id) {
        clients.delete(caller.get(), RequestParams.pathId(id, "API client", ErrorDomains.DIRECTORY));
        return Response.noContent().build();
    }
}
