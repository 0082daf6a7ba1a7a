package io.usagereports.client;

import io.usagereports.model.usage.IngestionResult;
import io.usagereports.model.usage.OfferingItems;
import io.usagereports.model.usage.TenantUsages;
import io.usagereports.model.usage.UsageBatch;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/** Usage data (docs/api.md §3): ingestion, offering items, current usage. */
@RegisterProvider(ApiErrorMapper.class)
@RegisterProvider(WireJsonResolver.class)
@RegisterProvider(WireEnumParamConverters.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface UsageApi {

    /** Stores a batch of readings, all or nothing; returns once they are committed. */
    @POST
    @Path("usages")
    IngestionResult ingest(UsageBatch batch);

    /**
     * Stores readings from CSV, streamed from {@code csv}: a header line
     * {@code tenant_id,usage_name,edition,user_id,value,measured_at}, then a line per reading.
     */
    @POST
    @Path("usages")
    @Consumes("text/csv")
    IngestionResult ingestCsv(InputStream csv);

    @GET
    @Path("tenants/{id}/offering_items")
    OfferingItems offeringItems(@PathParam("id") UUID tenantId);

    @PUT
    @Path("tenants/{id}/offering_items")
    OfferingItems replaceOfferingItems(@PathParam("id") UUID tenantId, OfferingItems items);

    @GET
    @Path("tenants/{id}/usages")
    TenantUsages usage(@PathParam("id") UUID tenantId);

    /** Current usage of several tenants: {@code tenants} is a comma-separated list of IDs. */
    @GET
    @Path("tenants/usages")
    TenantUsages usages(@QueryParam("tenants") String tenants);
}
