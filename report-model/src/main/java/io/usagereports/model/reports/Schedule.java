package io.usagereports.model.reports;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.LocalTime;

/**
 * When a report runs, and whether it runs at all. For scheduled types: {@code time} is the local
 * time of a run in {@code timezone} (an IANA name), {@code dayOfMonth} (1–28) the day of a monthly
 * run, {@code dayOfWeek} the day of a weekly one. A report echoes them with their defaults
 * applied; a {@code once} report has none.
 */
public record Schedule(
        ScheduleType type,
        Boolean enabled,
        LocalTime time,
        @JsonbProperty("day_of_month") Integer dayOfMonth,
        @JsonbProperty("day_of_week") Weekday dayOfWeek,
        String timezone) {

    /** The canonical constructor, the one JSON-B reads with. */
    @JsonbCreator
    public Schedule {
    }

    /** A schedule of {@code type} with the server's defaults for the rest. */
    public Schedule(ScheduleType type, Boolean enabled) {
        this(type, enabled, null, null, null, null);
    }
}
