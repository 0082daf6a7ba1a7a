package io.usagereports.model.reports;

import io.usagereports.model.common.WireEnum;

/** What a report measures (spec §6). */
public enum ReportKind implements WireEnum {
    USAGE_CURRENT("usage_current"),
    USAGE_SUMMARY("usage_summary"),
    USAGE_DAILY("usage_daily"),
    USAGE_BREAKDOWN("usage_breakdown");

    private final String wire;

    ReportKind(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
