package io.usagereports.client;

import io.usagereports.model.directory.AccessPolicies;
import io.usagereports.model.directory.ApiClient;
import io.usagereports.model.directory.PasswordChange;
import io.usagereports.model.directory.Tenant;
import io.usagereports.model.directory.TenantList;
import io.usagereports.model.directory.TenantUpdate;
import io.usagereports.model.directory.User;
import io.usagereports.model.directory.UserUpdate;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/** Tenants, users, access policies and API clients (docs/api.md §2), as typed calls. */
@RegisterProvider(ApiErrorMapper.class)
@RegisterProvider(WireJsonResolver.class)
@RegisterProvider(WireEnumParamConverters.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DirectoryApi {

    /** Creates a tenant from {@code name}, {@code kind} and {@code parent_id}. */
    @POST
    @Path("tenants")
    Tenant createTenant(Tenant tenant);

    @GET
    @Path("tenants/{id}")
    Tenant getTenant(@PathParam("id") UUID id);

    @PUT
    @Path("tenants/{id}")
    Tenant renameTenant(@PathParam("id") UUID id, TenantUpdate update);

    @GET
    @Path("tenants")
    TenantList children(@QueryParam("parent_id") UUID parentId);

    /** Creates a user from {@code tenant_id}, {@code login} and {@code contact}. */
    @POST
    @Path("users")
    User createUser(User user);

    @GET
    @Path("users/{id}")
    User getUser(@PathParam("id") UUID id);

    @GET
    @Path("users/me")
    User me();

    /**
     * Enables or disables a user ({@link UserUpdate#enabled(boolean)}); with a version, only if the
     * user is still at it. A disabled user cannot sign in, and its clients' tokens are refused.
     */
    @PUT
    @Path("users/{id}")
    User updateUser(@PathParam("id") UUID id, UserUpdate update);

    /** Deletes a user that is still at {@code version}, with its API clients and access policies. */
    @DELETE
    @Path("users/{id}")
    void deleteUser(@PathParam("id") UUID id, @QueryParam("version") int version);

    @POST
    @Path("users/{id}/password")
    void setPassword(@PathParam("id") UUID id, PasswordChange password);

    @GET
    @Path("users/{id}/access_policies")
    AccessPolicies accessPolicies(@PathParam("id") UUID id);

    @PUT
    @Path("users/{id}/access_policies")
    AccessPolicies replaceAccessPolicies(@PathParam("id") UUID id, AccessPolicies policies);

    /** Creates an API client; the answer's {@code client_secret} is the only copy there will ever be. */
    @POST
    @Path("clients")
    ApiClient createClient(ApiClient client);

    /** An API client, without its secret. */
    @GET
    @Path("clients/{id}")
    ApiClient getClient(@PathParam("id") UUID clientId);

    /** Deletes an API client: its secret gets no more tokens, and the tokens it got are refused. */
    @DELETE
    @Path("clients/{id}")
    void deleteClient(@PathParam("id") UUID clientId);
}
