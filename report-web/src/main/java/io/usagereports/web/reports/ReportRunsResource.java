package io.usagereports.web.reports;

import io.usagereports.model.common.ApiError;
import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.reports.Period;
import io.usagereports.model.runs.Deliveries;
import io.usagereports.model.runs.Delivery;
import io.usagereports.model.runs.ReportRun;
import io.usagereports.model.runs.ReportRuns;
import io.usagereports.model.runs.ResendRequest;
import io.usagereports.model.runs.RunRequest;
import io.usagereports.service.delivery.DeliveryService;
import io.usagereports.service.runs.RunService;
import io.usagereports.web.json.BodyMediaTypes;
import io.usagereports.web.json.JsonFields;
import io.usagereports.web.json.JsonObjectBodyReader;
import io.usagereports.web.json.RequestParams;
import io.usagereports.web.security.RequestActor;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runs of a report: run now (optionally for a back-fill period), the run history, and resending a run. */
@Path("reports/{id}/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs", description = "Runs and stored reports")
public class ReportRunsResource {

    @Inject
    RunService runs;

    @Inject
    DeliveryService deliveries;

    @Inject
    RequestActor caller;

    @POST
    @Operation(
            summary = "Run a report now",
            description = "Creates a run due now and answers 201 with it; its stored reports exist (in_progress) "
                    + "when this answers. The body is optional: {\"period\":{\"start\",\"end\"}} generates another "
                    + "period (a back-fill); by default a once report's own period, or a scheduled report's last "
                    + "complete period (the previous month, day or ISO week, in the report's time zone).")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RunRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "The run",
            content = @Content(schema = @Schema(implementation = ReportRun.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid period",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response runNow(
            @PathParam("id") String id, InputStream body, @Context HttpHeaders headers, @Context UriInfo uri)
            throws IOException {
        ReportRun run = runs.runNow(caller.get(), reportId(id), readPeriod(body, headers));
        return Response.created(uri.getAbsolutePathBuilder().path("{run_id}").build(run.id()))
                .entity(run)
                .build();
    }

    @GET
    @Path("{run_id}")
    @Operation(summary = "One run of a report, with its deliveries")
    @APIResponse(
            responseCode = "200",
            description = "The run",
            content = @Content(schema = @Schema(implementation = ReportRun.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such report or run, or outside the caller's subtree",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ReportRun get(@PathParam("id") String id, @PathParam("run_id") String runId) {
        return runs.run(caller.get(), reportId(id), RequestParams.pathId(runId, "Run", ErrorDomains.REPORTS));
    }

    @POST
    @Path("{run_id}/deliveries")
    @Operation(
            summary = "E-mail a saved run again",
            description = "Sends the run's outputs again, each recipient a new message with a new Message-ID, and "
                    + "answers 202 with the new deliveries (pending; follow them in the run history). The body is "
                    + "optional: {\"recipients\":[user ids]}, by default the report's current recipients; each must "
                    + "be a user of the report's tenant or below it.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResendRequest.class)))
    @APIResponse(
            responseCode = "202",
            description = "The new deliveries",
            content = @Content(schema = @Schema(implementation = Deliveries.class)))
    @APIResponse(
            responseCode = "400",
            description = "No recipient, or one outside the report's tenant",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(
            responseCode = "409",
            description = "not_ready while the run is not saved; generation_failed",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response resend(
            @PathParam("id") String id,
            @PathParam("run_id") String runId,
            InputStream body,
            @Context HttpHeaders headers)
            throws IOException {
        List<Delivery> created = deliveries.resend(
                caller.get(),
                reportId(id),
                RequestParams.pathId(runId, "Run", ErrorDomains.REPORTS),
                readRecipients(body, headers));
        return Response.status(Response.Status.ACCEPTED)
                .entity(new Deliveries(created))
                .build();
    }

    @GET
    @Operation(
            summary = "The runs of a report, newest first",
            description = "Each run with its deliveries: one per recipient of a send report, with its status "
                    + "(pending, delivered, failed), attempts, Message-ID and a typed failure.")
    @APIResponse(
            responseCode = "200",
            description = "Runs",
            content = @Content(schema = @Schema(implementation = ReportRuns.class)))
    public ReportRuns list(@PathParam("id") String id) {
        return new ReportRuns(runs.runs(caller.get(), reportId(id)));
    }

    /** The optional body of a run: nothing, or an object with an optional period. */
    private static Period readPeriod(InputStream body, HttpHeaders headers) throws IOException {
        JsonFields root = optionalBody(body, headers);
        if (root == null) {
            return null;
        }
        JsonFields period = root.object("period");
        Period result = null;
        if (period != null) {
            result = new Period(period.date("start"), period.date("end"));
            period.rejectUnknown();
        }
        root.rejectUnknown();
        return result;
    }

    /** The optional body of a resend: nothing, or an object with an optional list of recipients. */
    private static List<UUID> readRecipients(InputStream body, HttpHeaders headers) throws IOException {
        JsonFields root = optionalBody(body, headers);
        if (root == null) {
            return null;
        }
        List<UUID> recipients = root.uuidList("recipients");
        root.rejectUnknown();
        return recipients;
    }

    /**
     * A JSON object, or null for an empty body. The runtime takes a body of any type here (it
     * may be absent), so the type of one that is present is checked here: application/json, or
     * 415 as on every other endpoint. A body is present when it has a byte or its
     * {@code Content-Length} says so (the container may have consumed a form body already).
     */
    private static JsonFields optionalBody(InputStream body, HttpHeaders headers) throws IOException {
        PushbackInputStream in = new PushbackInputStream(body);
        int first = in.read();
        if (first == -1 && headers.getLength() <= 0) {
            return null;
        }
        BodyMediaTypes.requireJson(headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
        if (first != -1) {
            in.unread(first);
        }
        return JsonFields.of(JsonObjectBodyReader.read(in), ErrorDomains.REPORTS);
    }

    static UUID reportId(String text) {
        return RequestParams.pathId(text, "Report", ErrorDomains.REPORTS);
    }
}
