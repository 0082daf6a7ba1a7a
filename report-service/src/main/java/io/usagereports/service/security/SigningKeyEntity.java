package io.usagereports.service.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A token signing key the server generated (RSA; PKCS#8 and X.509 encodings, base64). */
@Entity
@Table(name = "signing_key")
public class SigningKeyEntity {

    @Id
    private String kid;

    @Column(name = "private_key", nullable = false, length = 8000)
    private String privateKey;

    @Column(name = "public_key", nullable = false, length = 4000)
    private String publicKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SigningKeyEntity() {
        // for JPA
    }

    SigningKeyEntity(String kid, String privateKey, String publicKey, Instant createdAt) {
        this.kid = kid;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.createdAt = createdAt;
    }

    String kid() {
        return kid;
    }

    String privateKey() {
        return privateKey;
    }

    String publicKey() {
        return publicKey;
    }

    Instant createdAt() {
        return createdAt;
    }
}
