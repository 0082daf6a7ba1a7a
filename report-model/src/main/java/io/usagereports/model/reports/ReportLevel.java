package io.usagereports.model.reports;

import io.usagereports.model.common.WireEnum;

/** Which tenants become rows of a report, relative to its subject tenant (docs/api.md §6). */
public enum ReportLevel implements WireEnum {
    ITSELF("itself"),
    DIRECT_PARTNERS("direct_partners"),
    ALL_PARTNERS("all_partners"),
    ALL_CUSTOMERS("all_customers"),
    ACCOUNTS("accounts");

    private final String wire;

    ReportLevel(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
