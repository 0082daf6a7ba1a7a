package io.usagereports.web.usage;

import static io.usagereports.model.common.ErrorCodes.INVALID_VALUE;
import static io.usagereports.model.common.ErrorCodes.REQUIRED_FIELD;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.usage.TenantUsages;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.usage.CurrentUsageService;
import io.usagereports.web.json.JsonFields;
import io.usagereports.web.json.RequestParams;
import io.usagereports.web.security.RequestActor;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tenants' current usage (docs/api.md §3). */
@Path("tenants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Usage")
public class TenantUsagesResource {

    /** More tenants than this in one request is a job for a report. */
    static final int MAX_TENANTS = 100;

    @Inject
    CurrentUsageService usage;

    @Inject
    RequestActor caller;

    @GET
    @Path("usages")
    @Operation(summary = "Current usage of several tenants (tenants=<id,id,...>, at most 100)")
    @APIResponse(
            responseCode = "200",
            description = "Usage items",
            content = @Content(schema = @Schema(implementation = TenantUsages.class)))
    public TenantUsages ofMany(@QueryParam("tenants") String tenants) {
        if (tenants == null || tenants.isBlank()) {
            throw ServiceException.invalid(
                    ErrorDomains.USAGE,
                    REQUIRED_FIELD,
                    "tenants",
                    "tenants is required: a comma-separated list of tenant IDs.",
                    null);
        }
        List<UUID> ids = new ArrayList<>();
        for (String id : tenants.split(",", -1)) {
            // spaces after the commas are tolerated; anything else must be a tenant ID
            String trimmed = id.replaceAll("^ +| +$", "");
            if (trimmed.isEmpty()) {
                throw ServiceException.invalid(
                        ErrorDomains.USAGE,
                        INVALID_VALUE,
                        "tenants",
                        "tenants has an empty element: list tenant IDs separated by single commas.",
                        null);
            }
            ids.add(JsonFields.parseUuid(trimmed, "tenants", ErrorDomains.USAGE));
        }
        if (ids.size() > MAX_TENANTS) {
            throw ServiceException.invalid(
                    ErrorDomains.USAGE,
                    INVALID_VALUE,
                    "tenants",
                    "At most " + MAX_TENANTS + " tenants per request.",
                    null);
        }
        return new TenantUsages(usage.of(caller.get(), ids));
    }

    @GET
    @Path("{tenant_id}/usages")
    @Operation(summary = "Current usage of one tenant")
    @APIResponse(
            responseCode = "200",
            description = "Usage items",
            content = @Content(schema = @Schema(implementation = TenantUsages.class)))
    public TenantUsages ofOne(@PathParam("tenant_id") String tenantId) {
        return new TenantUsages(
                usage.of(caller.get(), List.of(RequestParams.pathId(tenantId, "Tenant", ErrorDomains.USAGE))));
    }
}
