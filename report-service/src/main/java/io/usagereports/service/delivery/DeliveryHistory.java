package io.usagereports.service.delivery;

import io.usagereports.model.runs.Delivery;
import io.usagereports.service.runs.RunDeliveries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The deliveries shown in a report's run history. */
@ApplicationScoped
public class DeliveryHistory implements RunDeliveries {

    @Inject
    DeliveryRepository repository;

    @Override
    public Map<UUID, List<Delivery>> ofReport(UUID reportId) {
        return repository.ofReport(reportId).stream()
                .collect(Collectors.groupingBy(
                        DeliveryRow::runId,
                        LinkedHashMap::new,
                        Collectors.mapping(DeliveryRow::toWire, Collectors.toList())));
    }
}
