package io.usagereports.model.runs;

import io.usagereports.model.reports.Period;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One generation of a report (docs/api.md §5 [ext]). {@code period} is the period it covers ({@code null}
 * for a {@code usage_current} report run without one); {@code due_at} when it was due to start.
 */
public record ReportRun(
        UUID id,
        RunTrigger trigger,
        Period period,
        RunStatus status,
        @JsonbProperty("due_at") Instant dueAt,
        @JsonbProperty("started_at") Instant startedAt,
        @JsonbProperty("finished_at") Instant finishedAt,
        Integer attempts,
        Failure failure,
        List<Delivery> deliveries) {}
