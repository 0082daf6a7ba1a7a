package io.usagereports.web.reports;

import static io.usagereports.model.common.ErrorCodes.REQUIRED_FIELD;

import io.usagereports.model.common.ApiError;
import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.common.Paging;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportPage;
import io.usagereports.model.reports.ReportRevisions;
import io.usagereports.model.reports.ReportUpdate;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.ScheduleType;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.reports.ReportFilter;
import io.usagereports.service.reports.ReportService;
import io.usagereports.service.reports.ReportSlice;
import io.usagereports.web.json.RequestParams;
import io.usagereports.web.security.RequestActor;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Report definitions: {@code /api/2/reports} (docs/api.md §4). Translation only; the rules live in the service. */
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Report definitions")
@APIResponse(
        responseCode = "400",
        description = "Invalid request",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
public class ReportsResource {

    @Inject
    ReportService reports;

    @Inject
    RequestActor caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a report definition",
            description = "Answers 200 (as the platform does) with the full object at version 1, defaults applied.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Report.class)))
    @APIResponse(
            responseCode = "200",
            description = "Created",
            content = @Content(schema = @Schema(implementation = Report.class)))
    public Response create(JsonObject body) {
        return Versions.ok(reports.create(caller.get(), ReportJson.readNew(body)))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a report definition")
    @APIResponse(
            responseCode = "200",
            description = "The report; ETag carries its version",
            content = @Content(schema = @Schema(implementation = Report.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such report",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response get(@PathParam("id") String id) {
        return Versions.ok(reports.get(caller.get(), reportId(id))).build();
    }

    @GET
    @Operation(
            summary = "List report definitions",
            description = "Filtered, in a stable order (creation time, then ID), with cursor paging.")
    @APIResponse(
            responseCode = "200",
            description = "One page",
            content = @Content(schema = @Schema(implementation = ReportPage.class)))
    public ReportPage list(
            @Parameter(
                            description = "Only reports of this tenant",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("tenant_id")
                    String tenantId,
            @Parameter(schema = @Schema(implementation = ReportKind.class)) @QueryParam("kind") String kind,
            @Parameter(schema = @Schema(implementation = ResultAction.class)) @QueryParam("result_action")
                    String resultAction,
            @Parameter(schema = @Schema(implementation = ScheduleType.class)) @QueryParam("schedule_type")
                    String scheduleType,
            @Parameter(
                            description = "Page size, 1 to 1000 (default 100)",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000"))
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "paging.cursors.after of the previous page") @QueryParam("after") String after) {
        ReportFilter filter = new ReportFilter(
                RequestParams.optionalUuid(tenantId, "tenant_id", ErrorDomains.REPORTS),
                RequestParams.optionalEnum(kind, ReportKind.class, "kind", ErrorDomains.REPORTS),
                RequestParams.optionalEnum(resultAction, ResultAction.class, "result_action", ErrorDomains.REPORTS),
                RequestParams.optionalEnum(scheduleType, ScheduleType.class, "schedule_type", ErrorDomains.REPORTS),
                RequestParams.intInRange(
                        limit, "limit", 1, ReportFilter.MAX_LIMIT, ReportFilter.DEFAULT_LIMIT, ErrorDomains.REPORTS),
                after == null || after.isEmpty() ? null : after);
        ReportSlice slice = reports.list(caller.get(), filter);
        return new ReportPage(slice.items(), Paging.after(slice.nextCursor()));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Update a scheduled (monthly, daily, weekly) report definition",
            description = "Partial update of recipients, parameters.{level, kind, hide_zero_usage, show_skus} and "
                    + "schedule.{enabled, time, day_of_month, day_of_week, timezone}; a changed schedule recomputes "
                    + "next_run_at. Every successful PUT creates a new version. With If-Match or ?version, "
                    + "a stale version answers 409 version_conflict.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReportUpdate.class)))
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = Report.class)))
    @APIResponse(
            responseCode = "409",
            description = "Stale version",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response update(
            @PathParam("id") String id,
            @Parameter(description = "The ETag of the version last seen (\"3\"), or a bare 3") @HeaderParam("If-Match")
                    String ifMatch,
            @Parameter(
                            description = "The version last seen, instead of If-Match",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    @QueryParam("version")
                    String version,
            JsonObject body) {
        ReportUpdate update = ReportJson.readUpdate(body);
        return Versions.ok(reports.update(caller.get(), reportId(id), Versions.expected(ifMatch, version), update))
                .build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a report definition, its history and its stored outputs")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "409",
            description = "Stale version",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response delete(
            @PathParam("id") String id,
            @Parameter(
                            description = "The version last seen (required)",
                            required = true,
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    @QueryParam("version")
                    String version) {
        if (version == null || version.isEmpty()) {
            throw ServiceException.invalid(
                    ErrorDomains.REPORTS,
                    REQUIRED_FIELD,
                    "version",
                    "The version query parameter is required to delete a report.",
                    null);
        }
        reports.delete(caller.get(), reportId(id), Versions.parse(version, "version"));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/revisions")
    @Operation(summary = "Every version of a report definition, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "The audit trail",
            content = @Content(schema = @Schema(implementation = ReportRevisions.class)))
    public ReportRevisions revisions(@PathParam("id") String id) {
        return new ReportRevisions(reports.revisions(caller.get(), reportId(id)));
    }

    private static UUID reportId(String text) {
        return RequestParams.pathId(text, "Report", ErrorDomains.REPORTS);
    }
}
