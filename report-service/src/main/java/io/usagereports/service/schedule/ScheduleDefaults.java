package io.usagereports.service.schedule;

import java.time.LocalTime;

/**
 * What a scheduled report's schedule is when it does not say: monthly reports on
 * {@code monthlyDay} at {@code monthlyTime}; daily and weekly ones at 00:00, weekly ones on
 * Monday; all in UTC. Applied when a report is created, and echoed from then on.
 */
public record ScheduleDefaults(int monthlyDay, LocalTime monthlyTime) {

    public ScheduleDefaults {
        if (monthlyDay < 1 || monthlyDay > 28) {
            throw new IllegalArgumentException("reports.monthly.day must be between 1 and 28, not " + monthlyDay);
        }
    }

    /** The built-in defaults: day 1 at 00:00. */
    public static final ScheduleDefaults BUILT_IN = new ScheduleDefaults(1, LocalTime.MIDNIGHT);
}
