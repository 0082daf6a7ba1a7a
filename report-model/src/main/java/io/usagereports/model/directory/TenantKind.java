package io.usagereports.model.directory;

import io.usagereports.model.common.WireEnum;

/** The kinds of tenant in the tree. Exactly one {@code root} exists, created at first start. */
public enum TenantKind implements WireEnum {
    ROOT("root"),
    PARTNER("partner"),
    FOLDER("folder"),
    CUSTOMER("customer"),
    UNIT("unit");

    private final String wire;

    TenantKind(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
