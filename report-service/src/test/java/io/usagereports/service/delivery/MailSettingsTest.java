package io.usagereports.service.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    private static MailSettings settings(
            String host, Integer port, String security, String user, String from, String url, long retrySeconds) {
        return MailSettings.of(
                Optional.ofNullable(host),
                Optional.ofNullable(port),
                security,
                Optional.ofNullable(user),
                Optional.empty(),
                from,
                10 << 20,
                url,
                retrySeconds,
                8,
                Path.of("/srv/reports"));
    }

    @Test
    void withoutAnSmtpHostMailGoesToTheOutboxInTheDataFolder() {
        MailSettings s = settings("  ", null, "starttls", null, "usage-reports@localhost", "http://localhost:9080", 60);
        assertThat(s.smtpHost()).isEmpty();
        assertThat(s.outbox()).isEqualTo(Path.of("/srv/reports/outbox"));
        assertThat(s.describe()).contains("outbox folder /srv/reports/outbox");
        assertThat(s.domain()).isEqualTo("localhost");
    }

    @Test
    void thePortDefaultsByTheSecurity() {
        assertThat(settings("smtp.example.com", null, "starttls", null, "r@example.com", "https://r.example.com", 60)
                        .smtpPort())
                .isEqualTo(25);
        assertThat(settings("smtp.example.com", null, "TLS", null, "r@example.com", "https://r.example.com", 60)
                        .smtpPort())
                .isEqualTo(465);
        MailSettings s =
                settings("smtp.example.com", 587, "starttls", "reports", "r@example.com", "https://r.example.com", 60);
        assertThat(s.describe())
                .isEqualTo("E-mail is sent through the SMTP server smtp.example.com:587 (starttls, as"
                        + " reports), from r@example.com.");
    }

    @Test
    void retriesBackOffExponentiallyUpToAnHour() {
        MailSettings s = settings(null, null, "none", null, "r@example.com", "https://r.example.com", 60);
        assertThat(s.backOff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.backOff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.backOff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(s.backOff(7)).isEqualTo(Duration.ofHours(1));
        assertThat(s.backOff(60)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aFirstRetryLongerThanAnHourWaitsAnHour() {
        MailSettings s = settings(null, null, "none", null, "r@example.com", "https://r.example.com", 7200);
        assertThat(s.backOff(1)).isEqualTo(Duration.ofHours(1));
        assertThat(s.backOff(2)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void wrongValuesNameTheirVariable() {
        assertThatThrownBy(() -> settings("h", null, "ssl", null, "r@example.com", "https://r.example.com", 60))
                .hasMessageContaining("REPORTS_SMTP_SECURITY must be one of starttls, tls, none");
        assertThatThrownBy(() -> settings("h", null, "none", null, "not an address", "https://r.example.com", 60))
                .hasMessageContaining("REPORTS_MAIL_FROM");
        assertThatThrownBy(() -> settings("h", null, "none", null, "r@example.com", "reports.example.com", 60))
                .hasMessageContaining("REPORTS_PUBLIC_URL");
        assertThatThrownBy(() -> settings("h", 0, "none", null, "r@example.com", "https://r.example.com", 60))
                .hasMessageContaining("REPORTS_SMTP_PORT");
        assertThatThrownBy(() -> settings("h", null, "none", null, "r@example.com", "https://r.example.com", 0))
                .hasMessageContaining("REPORTS_MAIL_RETRY_SECONDS");
        assertThatThrownBy(() -> settings("h", null, "none", "reports", "r@example.com", "https://r.example.com", 60))
                .hasMessageContaining("never sent in plain text");
    }
}
