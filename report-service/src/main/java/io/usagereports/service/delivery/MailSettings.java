package io.usagereports.service.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where and how e-mail goes, from the {@code REPORTS_SMTP_*} and {@code REPORTS_MAIL_*}
 * environment variables. Without an SMTP host every message is written to the outbox folder
 * instead. Checked when the server starts: a wrong value stops it with a message naming the
 * variable, rather than failing every delivery later.
 *
 * @param smtpHost           the SMTP server, or empty for the outbox
 * @param outbox             the folder messages are written to without an SMTP server
 * @param maxAttachmentBytes attachments larger than this together (uncompressed) are linked instead
 * @param publicUrl          the base URL users reach the server at, for those links
 * @param firstRetry         the back-off after the first transient failure; it doubles after each
 */
public record MailSettings(
        Optional<String> smtpHost,
        int smtpPort,
        Security security,
        Optional<String> user,
        Optional<String> password,
        InternetAddress from,
        long maxAttachmentBytes,
        URI publicUrl,
        Duration firstRetry,
        int maxAttempts,
        Path outbox) {

    /** How the connection to the SMTP server is protected. */
    public enum Security {
        /** Upgrade with STARTTLS when the server offers it; required when a user logs in. */
        STARTTLS,
        /** TLS from the first byte (SMTPS). */
        TLS,
        /** Plain text. */
        NONE;

        static Security parse(String value) {
            for (Security s : values()) {
                if (s.name().equalsIgnoreCase(value.trim())) {
                    return s;
                }
            }
            throw new IllegalArgumentException(
                    "REPORTS_SMTP_SECURITY must be one of starttls, tls, none (not '" + value + "')");
        }
    }

    /** The longest wait between two attempts of a delivery. */
    public static final Duration MAX_BACK_OFF = Duration.ofHours(1);

    public MailSettings {
        if (smtpPort < 1 || smtpPort > 65535) {
            throw new IllegalArgumentException("REPORTS_SMTP_PORT must be a port number (not " + smtpPort + ")");
        }
        if (maxAttachmentBytes < 0) {
            throw new IllegalArgumentException("REPORTS_MAIL_MAX_ATTACHMENT_BYTES must not be negative");
        }
        if (firstRetry.isNegative() || firstRetry.isZero()) {
            throw new IllegalArgumentException("REPORTS_MAIL_RETRY_SECONDS must be at least 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("REPORTS_MAIL_MAX_ATTEMPTS must be at least 1");
        }
        if (!publicUrl.isAbsolute()
                || !(publicUrl.getScheme().equals("http")
                        || publicUrl.getScheme().equals("https"))) {
            throw new IllegalArgumentException(
                    "REPORTS_PUBLIC_URL must be an http or https URL (not '" + publicUrl + "')");
        }
        if (user.isPresent() && security == Security.NONE) {
            throw new IllegalArgumentException("REPORTS_SMTP_USER is set, so REPORTS_SMTP_SECURITY must be starttls or"
                    + " tls: a password is never sent in plain text");
        }
    }

    /**
     * Reads the settings from their raw values (as the environment gives them); {@code port}
     * defaults to 25, or 465 for implicit TLS.
     */
    public static MailSettings of(
            Optional<String> host,
            Optional<Integer> port,
            String security,
            Optional<String> user,
            Optional<String> password,
            String from,
            long maxAttachmentBytes,
            String publicUrl,
            long retrySeconds,
            int maxAttempts,
            Path dataDir) {
        Security sec = Security.parse(security);
        InternetAddress sender;
        try {
            sender = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("REPORTS_MAIL_FROM is not an e-mail address: '" + from + "'", e);
        }
        URI url;
        try {
            url = URI.create(publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("REPORTS_PUBLIC_URL is not a URL: '" + publicUrl + "'", e);
        }
        return new MailSettings(
                host.map(String::trim).filter(h -> !h.isEmpty()),
                port.orElse(sec == Security.TLS ? 465 : 25),
                sec,
                user.filter(u -> !u.isBlank()),
                password,
                sender,
                maxAttachmentBytes,
                url,
                Duration.ofSeconds(retrySeconds),
                maxAttempts,
                dataDir.resolve("outbox"));
    }

    /** The domain of the sender's address: the right-hand side of every Message-ID. */
    public String domain() {
        String address = from.getAddress();
        return address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /** Where e-mail goes, for the start-up log. */
    public String describe() {
        return smtpHost.map(h -> "E-mail is sent through the SMTP server " + h + ":" + smtpPort + " ("
                        + security.name().toLowerCase(Locale.ROOT)
                        + user.map(u -> ", as " + u).orElse("") + "), from "
                        + from.getAddress() + ".")
                .orElse("E-mail is not sent: no REPORTS_SMTP_HOST is set, so every message is written to the outbox"
                        + " folder " + outbox.toAbsolutePath() + " as an .eml file.");
    }

    /** The wait before attempt {@code attempt + 1}, after attempt {@code attempt} failed for now. */
    public Duration backOff(int attempt) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempt && wait.compareTo(MAX_BACK_OFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : wait;
    }
}
