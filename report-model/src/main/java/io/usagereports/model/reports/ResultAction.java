package io.usagereports.model.reports;

import io.usagereports.model.common.WireEnum;

/** What happens with a generated report: kept for download, or also e-mailed. */
public enum ResultAction implements WireEnum {
    SAVE("save"),
    SEND("send");

    private final String wire;

    ResultAction(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
