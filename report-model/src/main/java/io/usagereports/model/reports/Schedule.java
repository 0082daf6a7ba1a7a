package io.usagereports.model.reports;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.LocalTime;

/**
 * When a report runs, and whether it runs at all. For scheduled types: {@code time} is the local
 * time of a run in {@code timezone} (an IANA name), {@code dayOfMonth} (1–28) the day of a monthly
 * run, {@code dayOfWeek} the day of a weekly one. A report echoes them with their defaults
 * applied; a {@code once} report has none.
 *
 * <p>In a request, start from {@link #once()}, {@link #daily()}, {@link #weekly()} or
 * {@link #monthly()} and set what differs from the defaults with the {@code with*} methods, e.g.
 * {@code Schedule.monthly().withDayOfMonth(3).withTime(LocalTime.of(6, 0))}. A field left absent
 * ({@code null}) is left out of the JSON and takes the server's default (docs/api.md §5.2):
 * {@code enabled} true, {@code time} 00:00 (a monthly report: the server's configured time, 00:00
 * unless configured), {@code day_of_month} the server's configured day (1 unless configured),
 * {@code day_of_week} Monday, {@code timezone} UTC.
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
    public Schedule {}

    /** A schedule of {@code type} with the server's defaults for the rest. */
    public Schedule(ScheduleType type, Boolean enabled) {
        this(type, enabled, null, null, null, null);
    }

    /** A report that runs once, with the server's defaults for the rest. */
    public static Schedule once() {
        return of(ScheduleType.ONCE);
    }

    /** A report that runs every day for the previous day, with the server's defaults for the rest. */
    public static Schedule daily() {
        return of(ScheduleType.DAILY);
    }

    /** A report that runs every week for the previous ISO week, with the server's defaults for the rest. */
    public static Schedule weekly() {
        return of(ScheduleType.WEEKLY);
    }

    /** A report that runs every month for the previous month, with the server's defaults for the rest. */
    public static Schedule monthly() {
        return of(ScheduleType.MONTHLY);
    }

    /** A schedule of {@code type} with the server's defaults for the rest. */
    public static Schedule of(ScheduleType type) {
        return new Schedule(type, null);
    }

    /** This schedule with {@code enabled} set; absent ({@code null}) means true. */
    public Schedule withEnabled(Boolean enabled) {
        return new Schedule(type, enabled, time, dayOfMonth, dayOfWeek, timezone);
    }

    /** This schedule with the local time of a run set. */
    public Schedule withTime(LocalTime time) {
        return new Schedule(type, enabled, time, dayOfMonth, dayOfWeek, timezone);
    }

    /** This schedule with the day of a monthly run (1–28) set. */
    public Schedule withDayOfMonth(Integer dayOfMonth) {
        return new Schedule(type, enabled, time, dayOfMonth, dayOfWeek, timezone);
    }

    /** This schedule with the day of a weekly run set. */
    public Schedule withDayOfWeek(Weekday dayOfWeek) {
        return new Schedule(type, enabled, time, dayOfMonth, dayOfWeek, timezone);
    }

    /** This schedule with its time zone (an IANA name such as {@code Europe/Berlin}) set. */
    public Schedule withTimezone(String timezone) {
        return new Schedule(type, enabled, time, dayOfMonth, dayOfWeek, timezone);
    }
}
