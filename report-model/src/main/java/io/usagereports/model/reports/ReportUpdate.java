package io.usagereports.model.reports;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code PUT /reports/{id}}: a partial update. Every field is optional; a
 * {@code null} field is left out of the JSON and keeps its current value on the server.
 * These are all the fields the API allows a PUT to change.
 */
public record ReportUpdate(List<UUID> recipients, Parameters parameters, ScheduleChange schedule) {

    /** The updatable report parameters. */
    public record Parameters(ReportLevel level, ReportKind kind,
                             @JsonbProperty("hide_zero_usage") Boolean hideZeroUsage,
                             @JsonbProperty("show_skus") Boolean showSkus) {
    }

    /** The updatable schedule fields (of scheduled reports). */
    public record ScheduleChange(Boolean enabled, LocalTime time,
                                 @JsonbProperty("day_of_month") Integer dayOfMonth,
                                 @JsonbProperty("day_of_week") Weekday dayOfWeek, String timezone) {

        /** The canonical constructor, the one JSON-B reads with. */
        @JsonbCreator
        public ScheduleChange {
        }

        /** A change of {@code enabled} only. */
        public ScheduleChange(Boolean enabled) {
            this(enabled, null, null, null, null);
        }
    }
}
