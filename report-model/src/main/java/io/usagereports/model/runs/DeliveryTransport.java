package io.usagereports.model.runs;

import io.usagereports.model.common.WireEnum;

/** How a delivery left the server: to an SMTP server, or as a file into the outbox folder. */
public enum DeliveryTransport implements WireEnum {
    SMTP("smtp"),
    OUTBOX("outbox");

    private final String wire;

    DeliveryTransport(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
