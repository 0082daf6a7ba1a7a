package io.usagereports.service.directory;

import io.usagereports.model.directory.Tenant;
import io.usagereports.model.directory.TenantKind;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A node of the tenant tree. Its {@code path} (the IDs from the root down to it, each followed
 * by '/') makes "is X inside Y's subtree" a prefix test; tenants never move, so it never changes.
 */
@Entity
@Table(name = "tenant")
public class TenantEntity {

    @Id
    private UUID id;

    @Column(name = "parent_id")
    private UUID parentId;

    @Convert(converter = DirectoryColumnConverters.TenantKindConverter.class)
    @Column(nullable = false)
    private TenantKind kind;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, length = 4000)
    private String path;

    @Column(nullable = false)
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TenantEntity() {
        // for JPA
    }

    static TenantEntity root(UUID id, String name, Instant now) {
        return new TenantEntity(id, null, "", TenantKind.ROOT, name, now);
    }

    static TenantEntity child(UUID id, TenantEntity parent, TenantKind kind, String name, Instant now) {
        return new TenantEntity(id, parent.id, parent.path, kind, name, now);
    }

    private TenantEntity(UUID id, UUID parentId, String parentPath, TenantKind kind, String name, Instant now) {
        this.id = id;
        this.parentId = parentId;
        this.path = parentPath + id + "/";
        this.kind = kind;
        this.name = name;
        this.version = 1;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void rename(String newName, Instant now) {
        name = newName;
        version++;
        updatedAt = now;
    }

    /** Whether this tenant is {@code ancestorPath}'s tenant or lies below it. */
    public boolean isWithin(String ancestorPath) {
        return path.startsWith(ancestorPath);
    }

    public Tenant toTenant() {
        return new Tenant(id, version, name, kind, parentId);
    }

    public UUID id() {
        return id;
    }

    public TenantKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String path() {
        return path;
    }

    public int version() {
        return version;
    }

    Instant createdAt() {
        return createdAt;
    }
}
