package io.usagereports.web.reports;

import io.usagereports.model.common.ApiError;
import io.usagereports.model.reports.Period;
import io.usagereports.model.runs.ReportRun;
import io.usagereports.model.runs.ReportRuns;
import io.usagereports.model.runs.RunRequest;
import io.usagereports.service.runs.RunService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runs of a report [ext]: run now (optionally for a back-fill period) and the run history. */
@Path("reports/{id}/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs", description = "Runs and stored reports")
public class ReportRunsResource {

    @Inject
    RunService runs;

    @Inject
    RequestActor caller;

    @POST
    @Operation(summary = "Run a report now",
            description = "Creates a run due now and answers 201 with it; its stored reports exist (in_progress) "
                    + "when this answers. The body is optional: {\"period\":{\"start\",\"end\"}} generates another "
                    + "period (a back-fill); by default a once report's own period, or a monthly report's previous "
                    + "calendar month.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = RunRequest.class)))
    @APIResponse(responseCode = "201", description = "The run",
            content = @Content(schema = @Schema(implementation = ReportRun.class)))
    @APIResponse(responseCode = "400", description = "Invalid period",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response runNow(@PathParam("id") String id, InputStream body) throws IOException {
        ReportRun run = runs.runNow(caller.get(), reportId(id), readPeriod(body));
        return Response.status(Response.Status.CREATED).entity(run).build();
    }

    @GET
    @Operation(summary = "The runs of a report, newest first")
    @APIResponse(responseCode = "200", description = "Runs",
            content = @Content(schema = @Schema(implementation = ReportRuns.class)))
    public ReportRuns list(@PathParam("id") String id) {
        return new ReportRuns(runs.runs(caller.get(), reportId(id)));
    }

    /** The optional body: nothing, or an object with an optional period. */
    private static Period readPeriod(InputStream body) throws IOException {
        PushbackInputStream in = new PushbackInputStream(body);
        int first = in.read();
        if (first == -1) {
            return null;
        }
        in.unread(first);
        JsonFields root = JsonFields.of(JsonObjectBodyReader.read(in), ReportJson.DOMAIN);
        JsonFields period = root.object("period");
        Period result = null;
        if (period != null) {
            result = new Period(period.date("start"), period.date("end"));
            period.rejectUnknown();
        }
        root.rejectUnknown();
        return result;
    }

    static UUID reportId(String text) {
        return RequestParams.pathId(text, "Report", ReportJson.DOMAIN);
    }
}
