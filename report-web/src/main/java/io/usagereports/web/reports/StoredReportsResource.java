package io.usagereports.web.reports;

import io.usagereports.model.common.ApiError;
import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.runs.StoredReports;
import io.usagereports.service.runs.RunService;
import io.usagereports.service.runs.StoredReportContent;
import io.usagereports.web.http.SecurityHeaders;
import io.usagereports.web.json.RequestParams;
import io.usagereports.web.security.RequestActor;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stored reports (docs/api.md §5): the outputs of a report's runs, and their download. */
@Path("reports/{id}/stored")
@Tag(name = "Runs")
public class StoredReportsResource {

    @Inject
    RunService runs;

    @Inject
    RequestActor caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The stored reports of a report, newest first",
            description = "One per format of each run; status in_progress, then saved or failed; size is the "
                    + "compressed size in bytes.")
    @APIResponse(
            responseCode = "200",
            description = "Stored reports",
            content = @Content(schema = @Schema(implementation = StoredReports.class)))
    public StoredReports list(@PathParam("id") String id) {
        return new StoredReports(runs.stored(caller.get(), ReportRunsResource.reportId(id)));
    }

    @GET
    @Path("{stored_id}")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Download a stored report",
            description = "Sent as stored, with Content-Encoding: gzip, when the request accepts gzip; "
                    + "decompressed on the fly otherwise.")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(
            responseCode = "409",
            description = "not_ready while it is generated; generation_failed",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response download(
            @PathParam("id") String id,
            @PathParam("stored_id") String storedId,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        StoredReportContent content = runs.content(
                caller.get(),
                ReportRunsResource.reportId(id),
                RequestParams.pathId(storedId, "Stored report", ErrorDomains.REPORTS));
        boolean gzip = AcceptEncoding.acceptsGzip(acceptEncoding);
        StreamingOutput body = gzip ? content::writeCompressed : content::writeDecompressed;
        Response.ResponseBuilder response = Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + content.fileName() + "\"")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (content.fileName().endsWith(".html")) {
            // A self-contained page: its inline style sheet and nothing else, in a sandbox.
            response.header(SecurityHeaders.CONTENT_SECURITY_POLICY, SecurityHeaders.HTML_REPORT_POLICY);
        }
        if (gzip) {
            response.header("Content-Encoding", "gzip").header(HttpHeaders.CONTENT_LENGTH, content.compressedSize());
        }
        return response.build();
    }
}
