package io.usagereports.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.model.directory.Role;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActorTest {

    private static final String PARTNER = "r/p/";
    private static final String CUSTOMER = "r/p/c/";
    private static final String SIBLING = "r/q/";

    @Test
    void seesItsSubtreeOnly() {
        Actor actor = new Actor(
                UUID.randomUUID(), null, List.of(new Actor.Grant(UUID.randomUUID(), PARTNER, Role.PARTNER_ADMIN)));

        assertThat(actor.canRead(PARTNER)).isTrue();
        assertThat(actor.canRead(CUSTOMER)).isTrue();
        assertThat(actor.canRead(SIBLING)).isFalse();
        assertThat(actor.canRead("r/")).as("not the parent").isFalse();
        assertThat(actor.canWrite(CUSTOMER)).isTrue();
        assertThat(actor.canWrite(SIBLING)).isFalse();
    }

    @Test
    void aReadOnlyRoleReadsButNeverWrites() {
        Actor reader = new Actor(
                UUID.randomUUID(),
                UUID.randomUUID(),
                List.of(new Actor.Grant(UUID.randomUUID(), PARTNER, Role.READONLY_ADMIN)));

        assertThat(reader.canRead(CUSTOMER)).isTrue();
        assertThat(reader.canWrite(CUSTOMER)).isFalse();
        assertThat(reader.writesAnywhere()).isFalse();
    }

    @Test
    void writesWhereAWritingRoleReaches() {
        Actor mixed = new Actor(
                UUID.randomUUID(),
                null,
                List.of(
                        new Actor.Grant(UUID.randomUUID(), PARTNER, Role.READONLY_ADMIN),
                        new Actor.Grant(UUID.randomUUID(), CUSTOMER, Role.COMPANY_ADMIN)));

        assertThat(mixed.canWrite(CUSTOMER)).isTrue();
        assertThat(mixed.canWrite(PARTNER)).isFalse();
        assertThat(mixed.writesAnywhere()).isTrue();
        assertThat(mixed.visiblePaths()).containsExactly(PARTNER, CUSTOMER);
    }
}
