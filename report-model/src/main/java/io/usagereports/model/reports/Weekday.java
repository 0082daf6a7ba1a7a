package io.usagereports.model.reports;

import io.usagereports.model.common.WireEnum;
import java.time.DayOfWeek;

/** A day of the week, as {@code schedule.day_of_week} names it. */
public enum Weekday implements WireEnum {
    MONDAY(DayOfWeek.MONDAY),
    TUESDAY(DayOfWeek.TUESDAY),
    WEDNESDAY(DayOfWeek.WEDNESDAY),
    THURSDAY(DayOfWeek.THURSDAY),
    FRIDAY(DayOfWeek.FRIDAY),
    SATURDAY(DayOfWeek.SATURDAY),
    SUNDAY(DayOfWeek.SUNDAY);

    private final DayOfWeek day;

    Weekday(DayOfWeek day) {
        this.day = day;
    }

    @Override
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public DayOfWeek toDayOfWeek() {
        return day;
    }

    public static Weekday of(DayOfWeek day) {
        return values()[day.ordinal()];
    }
}
