package io.usagereports.service.directory;

import io.usagereports.model.directory.Contact;
import io.usagereports.model.directory.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The transaction of {@link Installation}: root tenant, administrator, their policy and the
 * installation row commit together. Servers starting at once take turns under a database lock,
 * so the second finds the directory installed instead of colliding with the first.
 */
@ApplicationScoped
@Transactional
public class InstallationStep {

    static final String ROOT_NAME = "Root";

    @Inject
    DirectoryRepository directory;

    @Inject
    Clock clock;

    public boolean installed() {
        return directory.installation().isPresent();
    }

    /** Installs the directory; false, changing nothing, if another server installed it first. */
    public boolean install(String login, String passwordHash, String email) {
        directory.lockInstallation();
        if (installed()) {
            return false;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        TenantEntity root = TenantEntity.root(UUID.randomUUID(), ROOT_NAME, now);
        directory.persist(root);
        directory.persist(new TenantNameEntity(root.id(), now, ROOT_NAME));
        directory.persist(new InstallationEntity(root.id(), now));
        UserEntity admin = new UserEntity(
                UUID.randomUUID(),
                root.id(),
                DirectoryRules.login(login),
                Contact.ofEmail(DirectoryRules.email(email)),
                now);
        admin.setPasswordHash(passwordHash);
        directory.persist(admin);
        directory.persist(new AccessPolicyEntity(admin.id(), root.id(), Role.ROOT_ADMIN));
        directory.flush();
        return true;
    }
}
