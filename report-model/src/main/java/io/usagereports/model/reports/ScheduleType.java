package io.usagereports.model.reports;

import io.usagereports.model.common.WireEnum;

/**
 * When a report runs: once, or on a schedule, each run covering the previous complete period:
 * every calendar month (the previous month), every day (the previous day) or every week (the
 * previous ISO week, Monday to Sunday).
 */
public enum ScheduleType implements WireEnum {
    ONCE("once"),
    MONTHLY("monthly"),
    DAILY("daily"),
    WEEKLY("weekly");

    private final String wire;

    ScheduleType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** Whether reports of this type run on a schedule (and can be updated). */
    public boolean isScheduled() {
        return this != ONCE;
    }
}
