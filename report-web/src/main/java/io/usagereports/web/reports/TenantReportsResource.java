package io.usagereports.web.reports;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.reports.ReportIds;
import io.usagereports.service.reports.ReportService;
import io.usagereports.web.json.RequestParams;
import io.usagereports.web.security.RequestActor;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /tenants/{tenant_id}/reports}: the IDs of a tenant's reports, as the platform lists them. */
@Path("tenants/{tenant_id}/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class TenantReportsResource {

    @Inject
    ReportService reports;

    @Inject
    RequestActor caller;

    @GET
    @Operation(summary = "IDs of the reports of a tenant, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "Report IDs",
            content = @Content(schema = @Schema(implementation = ReportIds.class)))
    public ReportIds list(@PathParam("tenant_id") String tenantId) {
        return new ReportIds(
                reports.idsOfTenant(caller.get(), RequestParams.pathId(tenantId, "Tenant", ErrorDomains.REPORTS)));
    }
}
