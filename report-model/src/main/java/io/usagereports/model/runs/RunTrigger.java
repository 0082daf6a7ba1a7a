package io.usagereports.model.runs;

import io.usagereports.model.common.WireEnum;

/** What started a run: its schedule (a once report's date, a month), or a caller (run now). */
public enum RunTrigger implements WireEnum {
    SCHEDULED("scheduled"),
    ON_DEMAND("on_demand");

    private final String wire;

    RunTrigger(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
