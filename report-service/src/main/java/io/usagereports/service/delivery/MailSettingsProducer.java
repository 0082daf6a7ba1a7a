package io.usagereports.service.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads {@link MailSettings} once, from the environment variables (or system properties) the README lists. */
@ApplicationScoped
class MailSettingsProducer {

    @Inject
    @ConfigProperty(name = "REPORTS_SMTP_HOST")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "REPORTS_SMTP_PORT")
    Optional<Integer> port;

    @Inject
    @ConfigProperty(name = "REPORTS_SMTP_SECURITY", defaultValue = "starttls")
    String security;

    @Inject
    @ConfigProperty(name = "REPORTS_SMTP_USER")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "REPORTS_SMTP_PASSWORD")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "REPORTS_MAIL_FROM", defaultValue = "usage-reports@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "REPORTS_MAIL_MAX_ATTACHMENT_BYTES", defaultValue = "10485760")
    long maxAttachmentBytes;

    @Inject
    @ConfigProperty(name = "REPORTS_PUBLIC_URL")
    Optional<String> publicUrl;

    @Inject
    @ConfigProperty(name = "REPORTS_HTTP_PORT", defaultValue = "9080")
    int httpPort;

    @Inject
    @ConfigProperty(name = "REPORTS_MAIL_RETRY_SECONDS", defaultValue = "60")
    long retrySeconds;

    @Inject
    @ConfigProperty(name = "REPORTS_MAIL_MAX_ATTEMPTS", defaultValue = "8")
    int maxAttempts;

    /** The server's data folder; the same default as the server configuration's. */
    @Inject
    @ConfigProperty(name = "REPORTS_DATA_DIR")
    Optional<String> dataDir;

    @Produces
    @Singleton
    MailSettings settings() {
        Path data = Path.of(dataDir.filter(d -> !d.isBlank())
                .orElseGet(() -> Objects.requireNonNullElse(System.getenv("HOME"), System.getProperty("user.home"))
                        + "/.usage-reports"));
        return MailSettings.of(
                host,
                port,
                security,
                user,
                password,
                from,
                maxAttachmentBytes,
                publicUrl.filter(u -> !u.isBlank()).orElse("http://localhost:" + httpPort),
                retrySeconds,
                maxAttempts,
                data);
    }
}
