package io.usagereports.service.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A name a tenant had from {@code validFrom} on: reports show names as of their period. */
@Entity
@Table(name = "tenant_name")
@IdClass(TenantNameEntity.Key.class)
public class TenantNameEntity {

    @Id
    @Column(name = "tenant_id")
    private UUID tenantId;

    @Id
    @Column(name = "valid_from")
    private Instant validFrom;

    @Column(nullable = false)
    private String name;

    protected TenantNameEntity() {
        // for JPA
    }

    TenantNameEntity(UUID tenantId, Instant validFrom, String name) {
        this.tenantId = tenantId;
        this.validFrom = validFrom;
        this.name = name;
    }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private UUID tenantId;
        private Instant validFrom;

        public Key() {
            // for JPA
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(tenantId, key.tenantId)
                    && Objects.equals(validFrom, key.validFrom);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, validFrom);
        }
    }
}
