package io.usagereports.client;

import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportIds;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportPage;
import io.usagereports.model.reports.ReportRevisions;
import io.usagereports.model.reports.ReportUpdate;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.ScheduleType;
import io.usagereports.model.runs.Deliveries;
import io.usagereports.model.runs.Delivery;
import io.usagereports.model.runs.ReportRun;
import io.usagereports.model.runs.ReportRuns;
import io.usagereports.model.runs.ResendRequest;
import io.usagereports.model.runs.RunRequest;
import io.usagereports.model.runs.StoredReports;
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
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The usage-reports API ({@code <base>/api/2}) as typed Java calls. Every error answer is
 * thrown as an {@link ApiErrorException}. Build one with {@link ReportsClient#reports}, or
 * inject it with {@code @RestClient} and configure {@code report-api/mp-rest/url}.
 */
@RegisterRestClient(configKey = "report-api")
@RegisterProvider(ApiErrorMapper.class)
@RegisterProvider(WireJsonResolver.class)
@RegisterProvider(WireEnumParamConverters.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ReportsApi {

    /** Creates a report definition; absent optional fields take their defaults. */
    @POST
    @Path("reports")
    Report createReport(Report report);

    @GET
    @Path("reports/{id}")
    Report getReport(@PathParam("id") UUID id);

    /**
     * One page of report definitions; every filter may be {@code null}. Pass the previous
     * page's {@code paging().cursors().after()} as {@code after} for the next page.
     */
    @GET
    @Path("reports")
    ReportPage listReports(
            @QueryParam("tenant_id") UUID tenantId,
            @QueryParam("kind") ReportKind kind,
            @QueryParam("result_action") ResultAction resultAction,
            @QueryParam("schedule_type") ScheduleType scheduleType,
            @QueryParam("limit") Integer limit,
            @QueryParam("after") String after);

    @GET
    @Path("tenants/{tenant_id}/reports")
    ReportIds tenantReports(@PathParam("tenant_id") UUID tenantId);

    /**
     * Updates a monthly report. {@code ifMatch} is the version last seen, as an ETag
     * ({@code "3"}) or bare ({@code 3}); {@code null} applies the update to the latest version.
     */
    @PUT
    @Path("reports/{id}")
    Report updateReport(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, ReportUpdate update);

    /** Updates a monthly report only if it is still at {@code version}. */
    default Report updateReport(UUID id, int version, ReportUpdate update) {
        return updateReport(id, "\"" + version + "\"", update);
    }

    @DELETE
    @Path("reports/{id}")
    void deleteReport(@PathParam("id") UUID id, @QueryParam("version") int version);

    @GET
    @Path("reports/{id}/revisions")
    ReportRevisions revisions(@PathParam("id") UUID id);

    /** Runs a report now; {@code request} may name a period (a back-fill) or be {@code null}. */
    @POST
    @Path("reports/{id}/runs")
    ReportRun runNow(@PathParam("id") UUID id, RunRequest request);

    /** The runs of a report, newest first. */
    @GET
    @Path("reports/{id}/runs")
    ReportRuns runs(@PathParam("id") UUID id);

    /** The deliveries of one run of a report, in the order the run history lists them. */
    default List<Delivery> deliveries(UUID id, UUID runId) {
        return runs(id).items().stream()
                .filter(r -> r.id().equals(runId))
                .findFirst()
                .map(ReportRun::deliveries)
                .orElseThrow(() -> new IllegalArgumentException("Report " + id + " has no run " + runId));
    }

    /**
     * E-mails a saved run again: each recipient gets a new message (a new Message-ID). {@code
     * request} may name the recipients, or be {@code null} for the report's current ones.
     * Throws {@link ApiErrorException} {@code not_ready} while the run is not saved.
     */
    @POST
    @Path("reports/{id}/runs/{run_id}/deliveries")
    Deliveries resend(@PathParam("id") UUID id, @PathParam("run_id") UUID runId, ResendRequest request);

    /** The stored reports of a report, newest first; poll {@code items().get(0).status()}. */
    @GET
    @Path("reports/{id}/stored")
    StoredReports stored(@PathParam("id") UUID id);

    /**
     * The raw download of a stored report. Prefer {@link #openStored} or {@link #downloadStored},
     * which ask for the compressed form and decompress it.
     */
    @GET
    @Path("reports/{id}/stored/{stored_id}")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    Response downloadStoredRaw(
            @PathParam("id") UUID id,
            @PathParam("stored_id") UUID storedId,
            @HeaderParam("Accept-Encoding") String acceptEncoding);

    /**
     * The content of a saved stored report as a stream, transferred compressed and decompressed
     * as it is read: a report of any size streams through. Close it when done.
     * Throws {@link ApiErrorException} with code {@code not_ready} while it is being generated.
     */
    default InputStream openStored(UUID id, UUID storedId) throws IOException {
        Response response = downloadStoredRaw(id, storedId, "gzip");
        InputStream body = response.readEntity(InputStream.class);
        return "gzip".equalsIgnoreCase(response.getHeaderString("Content-Encoding"))
                ? new GZIPInputStream(body, 1 << 16)
                : body;
    }

    /** Downloads a saved stored report, decompressed, into {@code file}; returns its size in bytes. */
    default long downloadStored(UUID id, UUID storedId, java.nio.file.Path file) throws IOException {
        try (InputStream in = openStored(id, storedId)) {
            return Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
