package io.usagereports.model.reports;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A report definition as the API sends and receives it (spec §4). In a request {@code id}
 * and {@code version} are absent; absent optional fields take their defaults on the server.
 */
public record Report(
        UUID id,
        Integer version,
        @JsonbProperty("result_action") ResultAction resultAction,
        List<UUID> recipients,
        ReportParameters parameters,
        Schedule schedule,
        @JsonbProperty("generation_date") LocalDate generationDate) {
}
