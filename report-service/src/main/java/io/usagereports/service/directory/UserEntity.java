package io.usagereports.service.directory;

import io.usagereports.model.directory.Contact;
import io.usagereports.model.directory.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A user of a tenant. The password is kept only as a salted hash, and never leaves this class. A
 * disabled user cannot sign in, and the tokens of its API clients are refused.
 */
@Entity
@Table(name = "app_user")
public class UserEntity {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String login;

    @Column(nullable = false)
    private String email;

    private String firstname;

    private String lastname;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected UserEntity() {
        // for JPA
    }

    UserEntity(UUID id, UUID tenantId, String login, Contact contact, Instant now) {
        this(id, tenantId, login, contact, true, now);
    }

    UserEntity(UUID id, UUID tenantId, String login, Contact contact, boolean enabled, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.login = login;
        this.email = contact.email();
        this.firstname = contact.firstname();
        this.lastname = contact.lastname();
        this.enabled = enabled;
        this.version = 1;
        this.createdAt = now;
    }

    void setPasswordHash(String hash) {
        passwordHash = hash;
        version++;
    }

    String passwordHash() {
        return passwordHash;
    }

    /** Applies an update: {@code enabled} when given; a new version either way. */
    void update(Boolean enabled) {
        if (enabled != null) {
            this.enabled = enabled;
        }
        version++;
    }

    boolean enabled() {
        return enabled;
    }

    int version() {
        return version;
    }

    public User toUser() {
        return new User(id, version, tenantId, login, new Contact(email, firstname, lastname), enabled);
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String login() {
        return login;
    }
}
