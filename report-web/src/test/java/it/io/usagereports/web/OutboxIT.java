package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.model.directory.Contact;
import io.usagereports.model.directory.Tenant;
import io.usagereports.model.directory.User;
import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.runs.Delivery;
import io.usagereports.model.runs.DeliveryStatus;
import io.usagereports.model.runs.DeliveryTransport;
import io.usagereports.service.delivery.DeliveryRepository.Claimable;
import io.usagereports.service.delivery.DeliveryWorker;
import io.usagereports.service.directory.TenantService;
import io.usagereports.service.directory.UserService;
import io.usagereports.service.reports.ReportService;
import io.usagereports.service.runs.RunClaims;
import io.usagereports.service.runs.RunGenerator;
import io.usagereports.service.runs.RunPlanner;
import io.usagereports.service.runs.RunService;
import io.usagereports.service.security.Actor;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The embedded default without an SMTP server: a deployment of the application configured as a
 * newcomer's ({@link OutboxConfig}: no {@code REPORTS_SMTP_HOST}) writes each message whole as an
 * {@code .eml} file into {@code $REPORTS_DATA_DIR/outbox/}, and records it delivered by the outbox.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxIT {

    @Deployment
    static WebArchive deployment() {
        return InServer.deployment("outbox-it", OutboxIT.class, OutboxConfig.class, LaterRuns.class)
                .addAsResource(
                        new StringAsset(OutboxConfig.class.getName()),
                        "META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource");
    }

    @Inject
    ReportService reports;

    @Inject
    RunService runs;

    @Inject
    RunClaims ledger;

    @Inject
    RunPlanner planner;

    @Inject
    RunGenerator generator;

    @Inject
    DeliveryWorker worker;

    @Inject
    TenantService tenants;

    @Inject
    UserService users;

    @Resource(lookup = "jdbc/reports")
    DataSource dataSource;

    @Test
    void withoutAnSmtpServerEachMessageIsWrittenWholeIntoTheOutbox() throws Exception {
        Actor admin = users.authenticate("admin", System.getenv("REPORTS_ADMIN_PASSWORD"))
                .orElseThrow();
        UUID root = admin.grants().get(0).tenantId();
        Tenant partner = tenants.create(admin, Tenant.partner("Outbox Partner", root));
        String login = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        User alice = users.create(
                admin, User.of(partner.id(), login, new Contact(login + "@example.com", "Alice", "Smith")));
        Report report = reports.create(
                admin,
                Report.builder()
                        .resultAction(ResultAction.SEND)
                        .recipients(List.of(alice.id()))
                        .parameters(ReportParameters.builder()
                                .tenantId(partner.id())
                                .level(ReportLevel.ITSELF)
                                .kind(ReportKind.USAGE_SUMMARY)
                                .formats(List.of(ReportFormat.CSV, ReportFormat.JSON_V2_0))
                                .period(new Period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31")))
                                .build())
                        .schedule(Schedule.once())
                        .generationDate(LocalDate.now(ZoneOffset.UTC).plusDays(2))
                        .build());
        UUID runId = runs.runs(admin, report.id()).get(0).id();
        Instant later = Instant.now().plusSeconds(3 * 86_400).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        LaterRuns.saveAt(later, runId, ledger, planner, generator);

        UUID deliveryId = deliveryId(runId);
        Path outbox = OutboxConfig.dataDir().resolve("outbox");
        assertThat(worker.attempt(new Claimable(deliveryId, 0), later)).isTrue();

        List<Path> files = outboxFiles(outbox, deliveryId);
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).endsWith("_" + deliveryId + ".eml");
        MimeMessage message;
        try (InputStream in = Files.newInputStream(files.get(0))) {
            message = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        Delivery delivery = runs.runs(admin, report.id()).get(0).deliveries().get(0);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.transport()).isEqualTo(DeliveryTransport.OUTBOX);
        assertThat(delivery.email()).isEqualTo(alice.contact().email());
        assertThat(message.getMessageID()).isEqualTo(delivery.messageId());
        assertThat(message.getSubject()).isEqualTo("Usage summary for Outbox Partner, 2026-01-01 to 2026-01-31");
        assertThat(message.getAllRecipients())
                .extracting(Object::toString)
                .containsExactly("Alice Smith <" + alice.contact().email() + ">");
        Multipart mixed = (Multipart) message.getContent();
        assertThat(mixed.getCount()).isEqualTo(3);
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("usage_summary_2026-01-01_2026-01-31.csv");
        assertThat(mixed.getBodyPart(2).getFileName()).isEqualTo("usage_summary_2026-01-01_2026-01-31_v2.json");
        assertThat(mixed.getBodyPart(2).isMimeType("application/json")).isTrue();
        reports.delete(admin, report.id(), 1);
    }

    private static List<Path> outboxFiles(Path outbox, UUID deliveryId) throws Exception {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.getFileName().toString().contains(deliveryId.toString()))
                    .toList();
        }
    }

    private UUID deliveryId(UUID runId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id FROM report_delivery WHERE run_id = ?")) {
            s.setObject(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getObject(1, UUID.class);
            }
        }
    }
}
