package io.usagereports.service.directory;

import io.usagereports.model.directory.ApiClient;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An API client. Its secret is kept only as a salted hash. */
@Entity
@Table(name = "api_client")
public class ApiClientEntity {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "created_by", nullable = false)
    private UUID createdBy;

    private String name;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ApiClientEntity() {
        // for JPA
    }

    ApiClientEntity(UUID id, UUID tenantId, UUID createdBy, String name, String secretHash, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.createdBy = createdBy;
        this.name = name;
        this.secretHash = secretHash;
        this.createdAt = now;
    }

    /** Replaces the stored hash of the same secret (by a newer form of hash). */
    void rehashSecret(String secretHash) {
        this.secretHash = secretHash;
    }

    /** The client as the API shows it; the secret only when it has just been made. */
    ApiClient toApiClient(String secret) {
        return new ApiClient(
                id, secret, tenantId, ApiClient.TYPE, ApiClient.AUTH_METHOD, new ApiClient.Data(name), createdBy);
    }

    UUID id() {
        return id;
    }

    UUID tenantId() {
        return tenantId;
    }

    UUID createdBy() {
        return createdBy;
    }

    String secretHash() {
        return secretHash;
    }
}
