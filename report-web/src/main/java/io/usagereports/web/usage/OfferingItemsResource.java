package io.usagereports.web.usage;

import static io.usagereports.model.common.ErrorCodes.REQUIRED_FIELD;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.usage.OfferingItem;
import io.usagereports.model.usage.OfferingItems;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.usage.OfferingItemService;
import io.usagereports.web.json.JsonFields;
import io.usagereports.web.json.RequestParams;
import io.usagereports.web.security.RequestActor;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's offering items (docs/api.md §3). */
@Path("tenants/{tenant_id}/offering_items")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Usage")
public class OfferingItemsResource {

    @Inject
    OfferingItemService offering;

    @Inject
    RequestActor caller;

    @GET
    @Operation(summary = "A tenant's offering items")
    @APIResponse(
            responseCode = "200",
            description = "The items",
            content = @Content(schema = @Schema(implementation = OfferingItems.class)))
    public OfferingItems get(@PathParam("tenant_id") String tenantId) {
        return new OfferingItems(offering.get(caller.get(), tenant(tenantId)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a tenant's offering items")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = OfferingItems.class)))
    @APIResponse(
            responseCode = "200",
            description = "The items now",
            content = @Content(schema = @Schema(implementation = OfferingItems.class)))
    public OfferingItems replace(@PathParam("tenant_id") String tenantId, JsonObject body) {
        return new OfferingItems(offering.replace(caller.get(), tenant(tenantId), read(body)));
    }

    private static List<OfferingItem> read(JsonObject body) {
        JsonFields root = JsonFields.of(body, ErrorDomains.USAGE);
        List<JsonFields> items = root.objects("offering_items");
        root.rejectUnknown();
        if (items == null) {
            // PUT replaces the whole set: only an explicit [] may empty it, never a forgotten field
            throw ServiceException.invalid(
                    ErrorDomains.USAGE,
                    REQUIRED_FIELD,
                    "offering_items",
                    "offering_items is required (an empty list removes every offering item).",
                    null);
        }
        return items.stream()
                .map(item -> {
                    JsonFields quota = item.object("quota");
                    OfferingItem.Quota limits = null;
                    if (quota != null) {
                        limits = new OfferingItem.Quota(quota.longValue("value"), quota.longValue("overage"));
                        quota.longValue("version"); // the platform sends a quota version; it means nothing here
                        quota.rejectUnknown();
                    }
                    OfferingItem read = new OfferingItem(
                            item.text("name"),
                            item.text("usage_name"),
                            item.text("edition"),
                            item.text("measurement_unit"),
                            item.text("type"),
                            item.text("sku"),
                            item.integer("status"),
                            limits);
                    item.rejectUnknown();
                    return read;
                })
                .toList();
    }

    private static UUID tenant(String id) {
        return RequestParams.pathId(id, "Tenant", ErrorDomains.USAGE);
    }
}
