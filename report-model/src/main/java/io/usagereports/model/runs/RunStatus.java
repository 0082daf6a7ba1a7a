package io.usagereports.model.runs;

import io.usagereports.model.common.WireEnum;

/** A run's progress: waiting for its due time or a worker, being generated, done, or failed for good. */
public enum RunStatus implements WireEnum {
    QUEUED("queued"),
    RUNNING("running"),
    SAVED("saved"),
    FAILED("failed");

    private final String wire;

    RunStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
