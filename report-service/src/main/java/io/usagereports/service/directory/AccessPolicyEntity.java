package io.usagereports.service.directory;

import io.usagereports.model.common.WireEnum;
import io.usagereports.model.directory.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A role a user holds on a tenant and its descendants. */
@Entity
@Table(name = "access_policy")
@IdClass(AccessPolicyEntity.Key.class)
public class AccessPolicyEntity {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Id
    @Column(name = "tenant_id")
    private UUID tenantId;

    /** The role's wire name: JPA applies no converter to an ID attribute, so the mapping is by hand. */
    @Id
    @Column(name = "role")
    private String role;

    protected AccessPolicyEntity() {
        // for JPA
    }

    AccessPolicyEntity(UUID userId, UUID tenantId, Role role) {
        this.userId = userId;
        this.tenantId = tenantId;
        this.role = role.wire();
    }

    UUID tenantId() {
        return tenantId;
    }

    Role role() {
        return WireEnum.parse(Role.class, role)
                .orElseThrow(() -> new IllegalStateException("Unknown role in database: " + role));
    }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private UUID userId;
        private UUID tenantId;
        private String role;

        public Key() {
            // for JPA
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(userId, key.userId)
                    && Objects.equals(tenantId, key.tenantId)
                    && Objects.equals(role, key.role);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, tenantId, role);
        }
    }
}
