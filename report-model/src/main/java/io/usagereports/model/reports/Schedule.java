package io.usagereports.model.reports;

/** When a report runs, and whether it runs at all. */
public record Schedule(ScheduleType type, Boolean enabled) {
}
