package io.usagereports.web.directory;

import io.usagereports.model.common.ApiError;
import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.directory.Tenant;
import io.usagereports.model.directory.TenantList;
import io.usagereports.model.directory.TenantUpdate;
import io.usagereports.service.directory.TenantService;
import io.usagereports.web.json.RequestParams;
import io.usagereports.web.security.RequestActor;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant tree (docs/api.md §2). */
@Path("tenants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directory", description = "Tenants, users, access policies, API clients")
@APIResponse(
        responseCode = "403",
        description = "Outside the caller's subtree, or a read-only caller writing",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
public class TenantsResource {

    @Inject
    TenantService tenants;

    @Inject
    RequestActor caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a tenant (partner, folder, customer or unit) under a parent")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Tenant.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = Tenant.class)))
    public Response create(JsonObject body, @Context UriInfo uri) {
        Tenant created = tenants.create(caller.get(), DirectoryJson.readTenant(body));
        return Response.created(uri.getBaseUriBuilder().path("tenants/{id}").build(created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a tenant")
    @APIResponse(
            responseCode = "200",
            description = "The tenant",
            content = @Content(schema = @Schema(implementation = Tenant.class)))
    public Tenant get(@PathParam("id") String id) {
        return tenants.get(caller.get(), tenantId(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename a tenant", description = "Body {name, version}; a stale version is 409.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TenantUpdate.class)))
    @APIResponse(
            responseCode = "200",
            description = "Renamed",
            content = @Content(schema = @Schema(implementation = Tenant.class)))
    public Tenant rename(@PathParam("id") String id, JsonObject body) {
        return tenants.rename(caller.get(), tenantId(id), DirectoryJson.readTenantUpdate(body));
    }

    @GET
    @Operation(summary = "The children of a tenant, by name")
    @APIResponse(
            responseCode = "200",
            description = "Children",
            content = @Content(schema = @Schema(implementation = TenantList.class)))
    public TenantList children(@QueryParam("parent_id") String parentId) {
        UUID parent = RequestParams.optionalUuid(parentId, "parent_id", ErrorDomains.DIRECTORY);
        if (parent == null) {
            parent = caller.get().grants().get(0).tenantId();
        }
        return new TenantList(tenants.children(caller.get(), parent));
    }

    /** A tenant named in the path: a malformed ID names no tenant (404, as on every path). */
    private static UUID tenantId(String text) {
        return RequestParams.pathId(text, "Tenant", ErrorDomains.DIRECTORY);
    }
}
