package io.usagereports.model.reports;

import io.usagereports.model.common.WireEnum;

/** What a report measures (docs/api.md §6). */
public enum ReportKind implements WireEnum {
    USAGE_CURRENT("usage_current", "Current usage"),
    USAGE_SUMMARY("usage_summary", "Usage summary"),
    USAGE_DAILY("usage_daily", "Daily usage"),
    USAGE_BREAKDOWN("usage_breakdown", "Daily usage breakdown");

    private final String wire;
    private final String title;

    ReportKind(String wire, String title) {
        this.wire = wire;
        this.title = title;
    }

    /** The kind's name for people: report headings, e-mail subjects. */
    public String title() {
        return title;
    }

    @Override
    public String wire() {
        return wire;
    }
}
