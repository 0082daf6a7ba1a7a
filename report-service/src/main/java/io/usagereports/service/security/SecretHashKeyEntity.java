package io.usagereports.service.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A key of the keyed hash that client secrets are stored as (256 random bits, base64). */
@Entity
@Table(name = "secret_hash_key")
public class SecretHashKeyEntity {

    @Id
    private String kid;

    @Column(name = "key_value", nullable = false, length = 128)
    private String keyValue;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SecretHashKeyEntity() {
        // for JPA
    }

    SecretHashKeyEntity(String kid, String keyValue, Instant createdAt) {
        this.kid = kid;
        this.keyValue = keyValue;
        this.createdAt = createdAt;
    }

    String kid() {
        return kid;
    }

    String keyValue() {
        return keyValue;
    }
}
