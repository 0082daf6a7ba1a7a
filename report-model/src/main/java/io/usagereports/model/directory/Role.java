package io.usagereports.model.directory;

import io.usagereports.model.common.WireEnum;

/** The roles a user holds on tenants through access policies (docs/api.md §2). */
public enum Role implements WireEnum {
    ROOT_ADMIN("root_admin", true),
    PARTNER_ADMIN("partner_admin", true),
    COMPANY_ADMIN("company_admin", true),
    UNIT_ADMIN("unit_admin", true),
    READONLY_ADMIN("readonly_admin", false);

    /** The platform's spelling of a role in a token's scope, accepted beside the bare name. */
    public static final String SCOPE_PREFIX = "urn:acronis.com::account-server::";

    private final String wire;
    private final boolean writes;

    Role(String wire, boolean writes) {
        this.wire = wire;
        this.writes = writes;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** Whether the role may change things; {@code readonly_admin} may only read. */
    public boolean writes() {
        return writes;
    }
}
