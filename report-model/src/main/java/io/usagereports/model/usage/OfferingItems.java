package io.usagereports.model.usage;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** A tenant's whole set of offering items ({@code GET} and {@code PUT /tenants/{id}/offering_items}). */
public record OfferingItems(@JsonbProperty("offering_items") List<OfferingItem> offeringItems) {}
