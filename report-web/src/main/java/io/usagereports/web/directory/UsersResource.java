package io.usagereports.web.directory;

import static io.usagereports.model.common.ErrorCodes.REQUIRED_FIELD;

import io.usagereports.model.common.ApiError;
import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.directory.AccessPolicies;
import io.usagereports.model.directory.PasswordChange;
import io.usagereports.model.directory.User;
import io.usagereports.model.directory.UserUpdate;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.directory.UserService;
import io.usagereports.web.json.RequestParams;
import io.usagereports.web.security.BasicAuthAllowed;
import io.usagereports.web.security.RequestActor;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Users and their access policies (docs/api.md §2). */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directory")
public class UsersResource {

    @Inject
    UserService users;

    @Inject
    RequestActor caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user of a tenant; logins are unique (409 duplicate)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = User.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = User.class)))
    public Response create(JsonObject body, @Context UriInfo uri) {
        User created = users.create(caller.get(), DirectoryJson.readUser(body));
        return Response.created(uri.getBaseUriBuilder().path("users/{id}").build(created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Path("me")
    @BasicAuthAllowed
    @Operation(summary = "The calling user (Basic login/password or bearer token)")
    @APIResponse(
            responseCode = "200",
            description = "The user",
            content = @Content(schema = @Schema(implementation = User.class)))
    public User me() {
        return users.me(caller.get());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a user")
    @APIResponse(
            responseCode = "200",
            description = "The user",
            content = @Content(schema = @Schema(implementation = User.class)))
    public User get(@PathParam("id") String id) {
        return users.get(caller.get(), userId(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Enable or disable a user",
            description = "A partial update {enabled, version}; every successful PUT makes a new version. A disabled"
                    + " user cannot sign in, and the tokens of its API clients are refused. With version, a stale"
                    + " one answers 409 version_conflict.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UserUpdate.class)))
    @APIResponse(
            responseCode = "200",
            description = "The user now",
            content = @Content(schema = @Schema(implementation = User.class)))
    @APIResponse(
            responseCode = "409",
            description = "Stale version",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public User update(@PathParam("id") String id, JsonObject body) {
        return users.update(caller.get(), userId(id), DirectoryJson.readUserUpdate(body));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete a user, its API clients and its access policies",
            description = "Reports keep the user's ID (as a recipient, in their revisions); its deliveries fail with"
                    + " recipient_not_found.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "409",
            description = "Stale version",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response delete(
            @PathParam("id") String id,
            @Parameter(description = "The version last seen (required)") @QueryParam("version") String version) {
        UUID user = userId(id);
        users.delete(caller.get(), user, version(version));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a user's password (12 to 1024 characters)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PasswordChange.class)))
    @APIResponse(responseCode = "204", description = "Set")
    public Response setPassword(@PathParam("id") String id, JsonObject body) {
        users.setPassword(caller.get(), userId(id), DirectoryJson.readPassword(body));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/access_policies")
    @Operation(summary = "A user's roles on tenants")
    @APIResponse(
            responseCode = "200",
            description = "The policies",
            content = @Content(schema = @Schema(implementation = AccessPolicies.class)))
    public AccessPolicies policies(@PathParam("id") String id) {
        return new AccessPolicies(users.policies(caller.get(), userId(id)));
    }

    @PUT
    @Path("{id}/access_policies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a user's roles on tenants")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AccessPolicies.class)))
    @APIResponse(
            responseCode = "200",
            description = "The policies now",
            content = @Content(schema = @Schema(implementation = AccessPolicies.class)))
    public AccessPolicies replacePolicies(@PathParam("id") String id, JsonObject body) {
        return new AccessPolicies(users.replacePolicies(caller.get(), userId(id), DirectoryJson.readPolicies(body)));
    }

    private static UUID userId(String text) {
        return RequestParams.pathId(text, "User", ErrorDomains.DIRECTORY);
    }

    /** The required {@code version} query parameter of a delete: a whole number from 1. */
    static int version(String text) {
        if (text == null || text.isEmpty()) {
            throw ServiceException.invalid(
                    ErrorDomains.DIRECTORY,
                    REQUIRED_FIELD,
                    "version",
                    "The version query parameter is required to delete a user.",
                    "Fetch the user, then send its version: DELETE /users/{id}?version=N.");
        }
        return RequestParams.version(text, "version", "user", ErrorDomains.DIRECTORY);
    }
}
