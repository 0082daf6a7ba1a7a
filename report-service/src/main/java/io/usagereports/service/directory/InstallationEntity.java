package io.usagereports.service.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The single row that records the first start: which tenant is the root. */
@Entity
@Table(name = "installation")
public class InstallationEntity {

    static final int ID = 1;

    @Id
    private int id;

    @Column(name = "root_tenant_id", nullable = false)
    private UUID rootTenantId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected InstallationEntity() {
        // for JPA
    }

    InstallationEntity(UUID rootTenantId, Instant now) {
        this.id = ID;
        this.rootTenantId = rootTenantId;
        this.createdAt = now;
    }

    UUID rootTenantId() {
        return rootTenantId;
    }
}
