package io.usagereports.model.reports;

import io.usagereports.model.common.WireEnum;

/** When a report runs: once, or every calendar month for the previous month. */
public enum ScheduleType implements WireEnum {
    ONCE("once"),
    MONTHLY("monthly");

    private final String wire;

    ScheduleType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
