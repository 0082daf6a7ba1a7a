package io.usagereports.model.reports;

import io.usagereports.model.common.WireEnum;

/** The file formats a report can be generated in. */
public enum ReportFormat implements WireEnum {
    CSV("csv"),
    HTML("html"),
    JSON_V1("json_v1"),
    CSV_V2_0("csv_v2_0"),
    JSON_V2_0("json_v2_0");

    private final String wire;

    ReportFormat(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
