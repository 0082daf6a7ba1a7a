package io.usagereports.model.runs;

import io.usagereports.model.common.WireEnum;

/** A delivery's progress: waiting to be sent (or retried), accepted by the mail server, or given up. */
public enum DeliveryStatus implements WireEnum {
    PENDING("pending"),
    DELIVERED("delivered"),
    FAILED("failed");

    private final String wire;

    DeliveryStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
