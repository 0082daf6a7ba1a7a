package io.usagereports.model.reports;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A report definition as the API sends and receives it (docs/api.md §4). In a request {@code id},
 * {@code version} and {@code nextRunAt} are absent; absent optional fields take their defaults
 * on the server. {@code nextRunAt} is when an enabled scheduled report's next run is due.
 */
public record Report(
        UUID id,
        Integer version,
        @JsonbProperty("result_action") ResultAction resultAction,
        List<UUID> recipients,
        ReportParameters parameters,
        Schedule schedule,
        @JsonbProperty("generation_date") LocalDate generationDate,
        @JsonbProperty("next_run_at") Instant nextRunAt) {

    /** The canonical constructor, the one JSON-B reads with. */
    @JsonbCreator
    public Report {
    }

    /** A definition without a next run (a request, or a report that does not run on a schedule). */
    public Report(UUID id, Integer version, ResultAction resultAction, List<UUID> recipients,
                  ReportParameters parameters, Schedule schedule, LocalDate generationDate) {
        this(id, version, resultAction, recipients, parameters, schedule, generationDate, null);
    }
}
