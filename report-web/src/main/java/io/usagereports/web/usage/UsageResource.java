package io.usagereports.web.usage;

import io.usagereports.model.common.ApiError;
import io.usagereports.model.usage.IngestionResult;
import io.usagereports.model.usage.UsageBatch;
import io.usagereports.service.usage.UsageIngestion;
import io.usagereports.web.security.RequestActor;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Usage ingestion (docs/api.md §3): batches of readings as JSON or CSV, up to 64 MiB. */
@Path("usages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Usage", description = "Readings in, current usage out")
public class UsageResource {

    static final String CSV = "text/csv";

    @Inject
    UsageIngestion ingestion;

    @Inject
    RequestActor caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Store a batch of readings",
            description = "All or nothing; answered once committed. The same reading sent again is stored once.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UsageBatch.class)))
    @APIResponse(
            responseCode = "200",
            description = "Stored",
            content = @Content(schema = @Schema(implementation = IngestionResult.class)))
    @APIResponse(
            responseCode = "400",
            description = "Bad rows, listed by index in context.rows; nothing stored",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public IngestionResult ingestJson(InputStream body) {
        return new IngestionResult(ingestion.ingest(caller.get(), new JsonUsageRows(body)));
    }

    @POST
    @Consumes(CSV)
    @Operation(
            summary = "Store a batch of readings from CSV",
            description = "Header line: tenant_id,usage_name,edition,user_id,value,measured_at (edition and user_id "
                    + "optional, any order). Same rules as the JSON batch.")
    @APIResponse(
            responseCode = "200",
            description = "Stored",
            content = @Content(schema = @Schema(implementation = IngestionResult.class)))
    public IngestionResult ingestCsv(InputStream body) {
        return new IngestionResult(ingestion.ingest(caller.get(), new CsvUsageRows(body)));
    }
}
