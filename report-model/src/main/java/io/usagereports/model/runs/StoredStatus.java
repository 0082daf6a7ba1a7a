package io.usagereports.model.runs;

import io.usagereports.model.common.WireEnum;

/** A stored report's state: being generated, ready to download, or failed with its run. */
public enum StoredStatus implements WireEnum {
    IN_PROGRESS("in_progress"),
    SAVED("saved"),
    FAILED("failed");

    private final String wire;

    StoredStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
