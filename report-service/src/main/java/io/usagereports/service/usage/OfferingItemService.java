package io.usagereports.service.usage;

import static io.usagereports.model.common.ErrorCodes.DUPLICATE_VALUE;
import static io.usagereports.model.common.ErrorCodes.INVALID_VALUE;
import static io.usagereports.model.common.ErrorCodes.REQUIRED_FIELD;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.usage.OfferingItem;
import io.usagereports.service.common.FreeText;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.directory.AccessGuard;
import io.usagereports.service.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A tenant's offering items: which usage names it has, with unit, type, SKU and quota. */
@ApplicationScoped
@Transactional
public class OfferingItemService {

    @Inject
    UsageRepository store;

    @Inject
    AccessGuard guard;

    public List<OfferingItem> get(Actor actor, UUID tenantId) {
        guard.namedTenant(actor, tenantId, null);
        return store.offeringItems(tenantId);
    }

    /** Replaces the tenant's whole set. */
    public List<OfferingItem> replace(Actor actor, UUID tenantId, List<OfferingItem> items) {
        guard.requireWriter(actor);
        guard.writableTenant(actor, tenantId, null);
        Set<List<String>> keys = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            OfferingItem item = items.get(i);
            String at = "offering_items[" + i + "]";
            if (item.usageName() == null
                    || item.usageName().isBlank()
                    || item.usageName().length() > UsageIngestion.MAX_USAGE_NAME) {
                throw invalid(
                        REQUIRED_FIELD,
                        at + ".usage_name",
                        "usage_name is required, 1 to " + UsageIngestion.MAX_USAGE_NAME + " characters.");
            }
            if (item.edition() != null && item.edition().length() > UsageIngestion.MAX_EDITION) {
                throw invalid(
                        INVALID_VALUE,
                        at + ".edition",
                        "edition has at most " + UsageIngestion.MAX_EDITION + " characters.");
            }
            if (item.measurementUnit() == null
                    || item.measurementUnit().isBlank()
                    || item.measurementUnit().length() > 32) {
                throw invalid(
                        REQUIRED_FIELD,
                        at + ".measurement_unit",
                        "measurement_unit is required (bytes, quantity, seconds, ...), at most 32 characters.");
            }
            checkLength(item.name(), 255, at + ".name");
            checkLength(item.type(), 32, at + ".type");
            checkLength(item.sku(), 64, at + ".sku");
            checkText(item.name(), at + ".name");
            checkText(item.usageName(), at + ".usage_name");
            checkText(item.edition(), at + ".edition");
            checkText(item.measurementUnit(), at + ".measurement_unit");
            checkText(item.type(), at + ".type");
            checkText(item.sku(), at + ".sku");
            if (item.quota() != null) {
                checkNotNegative(item.quota().value(), at + ".quota.value");
                checkNotNegative(item.quota().overage(), at + ".quota.overage");
            }
            if (!keys.add(List.of(item.usageName(), item.edition() == null ? "" : item.edition()))) {
                throw invalid(DUPLICATE_VALUE, at, "usage_name and edition are listed twice.");
            }
        }
        store.replaceOfferingItems(tenantId, items);
        return store.offeringItems(tenantId);
    }

    private static void checkLength(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw invalid(INVALID_VALUE, field, field + " has at most " + max + " characters.");
        }
    }

    /** No control characters (but tab) and no lone surrogates: the text is shown in reports. */
    private static void checkText(String value, String field) {
        FreeText.problem(value, field).ifPresent(message -> {
            throw invalid(INVALID_VALUE, field, message);
        });
    }

    /** A quota counts what may be used: absent (unlimited) or zero or more. */
    private static void checkNotNegative(Long value, String field) {
        if (value != null && value < 0) {
            throw invalid(INVALID_VALUE, field, field + " must not be negative (leave it out for no limit).");
        }
    }

    private static ServiceException invalid(String code, String field, String message) {
        return ServiceException.invalid(ErrorDomains.USAGE, code, field, message, null);
    }
}
