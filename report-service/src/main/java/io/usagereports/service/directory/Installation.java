package io.usagereports.service.directory;

import io.usagereports.service.security.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first start on an empty database creates the root tenant and its administrator, whose
 * login and password come from {@code REPORTS_ADMIN_LOGIN} / {@code REPORTS_ADMIN_PASSWORD}.
 * Without a configured password a strong one is generated and logged, once. Later starts, and
 * servers losing the race to install, change nothing.
 */
@ApplicationScoped
public class Installation {

    private static final Logger LOG = Logger.getLogger(Installation.class.getName());

    @Inject
    InstallationStep step;

    @Inject
    @ConfigProperty(name = "REPORTS_ADMIN_LOGIN", defaultValue = "admin")
    String adminLogin;

    @Inject
    @ConfigProperty(name = "REPORTS_ADMIN_PASSWORD")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "REPORTS_ADMIN_EMAIL", defaultValue = "admin@localhost")
    String adminEmail;

    void onStart(@Observes Startup startup) {
        if (step.installed()) {
            return;
        }
        Optional<String> configured = adminPassword.filter(p -> !p.isBlank());
        String password = configured.orElseGet(PasswordHasher::newSecret);
        DirectoryRules.password(password);
        if (!step.install(adminLogin, PasswordHasher.hash(password), adminEmail)) {
            LOG.info("Another server installed the directory first.");
            return;
        }
        if (configured.isPresent()) {
            LOG.info(() -> "Created the root tenant and the administrator '" + adminLogin
                    + "' with the password from REPORTS_ADMIN_PASSWORD.");
        } else {
            LOG.warning("Created the root tenant and the administrator '" + adminLogin + "'. No REPORTS_ADMIN_PASSWORD"
                    + " was set, so this password was generated; it is shown only this once: " + password);
        }
    }
}
