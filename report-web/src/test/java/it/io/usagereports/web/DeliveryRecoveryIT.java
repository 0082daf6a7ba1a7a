package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.usagereports.service.delivery.DeliveryRepository;
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
import jakarta.activation.DataHandler;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exactly-once delivery inside the server, with its real worker code and a real SMTP server: many
 * workers racing for the same deliveries send each message once; a worker that died mid-send
 * leaves nothing in the mailbox, and its delivery is sent once after its lease; a crash right
 * after the mail server accepted a message, the one window SMTP leaves, repeats it with the same
 * Message-ID.
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryRecoveryIT {

    @Deployment
    static WebArchive deployment() {
        return InServer.deployment("delivery-recovery-it", DeliveryRecoveryIT.class, Mailbox.class, LaterRuns.class);
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
    DeliveryRepository deliveries;

    @Inject
    TenantService tenants;

    @Inject
    UserService users;

    @Resource(lookup = "jdbc/reports")
    DataSource dataSource;

    private final Instant later =
            Instant.now().plusSeconds(3 * 86_400).truncatedTo(java.time.temporal.ChronoUnit.MICROS);

    @Test
    void manyWorkersRacingForTheSameDeliveriesSendEachMessageOnce() throws Exception {
        Actor admin = admin();
        Sent sent = savedSendReport(admin, 6);
        List<UUID> ids = deliveryIds(sent.runId());
        assertThat(ids).hasSize(6);

        int workers = 8;
        Map<UUID, AtomicInteger> wins = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                List<UUID> order = new ArrayList<>(ids);
                Collections.shuffle(order);
                done.add(pool.submit(() -> {
                    start.await();
                    for (UUID id : order) {
                        if (worker.attempt(new Claimable(id, 0), later)) {
                            wins.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(wins)
                .hasSize(6)
                .allSatisfy((id, count) -> assertThat(count.get()).isEqualTo(1));
        for (User user : sent.recipients()) {
            assertThat(new Mailbox(user.contact().email()).await(1, 20)).hasSize(1);
        }
        List<Delivery> history = runs.runs(admin, sent.reportId()).get(0).deliveries();
        assertThat(history).hasSize(6).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(d.attempts()).isEqualTo(1);
        });
        // A moment later, every recipient still has its one message.
        Thread.sleep(1500);
        for (User user : sent.recipients()) {
            assertThat(new Mailbox(user.contact().email()).messages()).hasSize(1);
        }
        reports.delete(admin, sent.reportId(), 1);
        assertThat(deliveryIds(sent.runId())).isEmpty();
    }

    @Test
    void aDeliveryWhoseWorkerDiedMidSendIsSentOnceAfterItsLease() throws Exception {
        Actor admin = admin();
        Sent sent = savedSendReport(admin, 1);
        UUID id = deliveryIds(sent.runId()).get(0);
        String messageId = messageId(id);
        String email = sent.recipients().get(0).contact().email();

        // A worker claims the delivery, starts sending, and dies half-way through the message.
        assertThat(deliveries.claim(new Claimable(id, 0), "dead-server", later, later.plusSeconds(60)))
                .isPresent();
        assertThatThrownBy(() -> send(messageId, email, true)).isInstanceOf(MessagingException.class);

        // After its lease, another worker claims it again and sends it.
        assertThat(worker.attempt(new Claimable(id, 1), later.plusSeconds(120))).isTrue();
        new Mailbox(email).await(1, 20);
        Thread.sleep(1000);
        List<MimeMessage> received = new Mailbox(email).messages();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getMessageID()).isEqualTo(messageId);
        Delivery delivery =
                runs.runs(admin, sent.reportId()).get(0).deliveries().get(0);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.attempts()).isEqualTo(2);
        reports.delete(admin, sent.reportId(), 1);
    }

    @Test
    void aCrashRightAfterTheServerAcceptedRepeatsTheMessageWithTheSameMessageId() throws Exception {
        Actor admin = admin();
        Sent sent = savedSendReport(admin, 1);
        UUID id = deliveryIds(sent.runId()).get(0);
        String messageId = messageId(id);
        String email = sent.recipients().get(0).contact().email();

        // A worker claims the delivery, the mail server accepts its message, and the worker dies before recording it.
        assertThat(deliveries.claim(new Claimable(id, 0), "dead-server", later, later.plusSeconds(60)))
                .isPresent();
        send(messageId, email, false);

        assertThat(worker.attempt(new Claimable(id, 1), later.plusSeconds(120))).isTrue();
        List<MimeMessage> received = new Mailbox(email).await(2, 20);
        assertThat(received).hasSize(2);
        assertThat(received).extracting(MimeMessage::getMessageID).containsOnly(messageId);
        assertThat(runs.runs(admin, sent.reportId()).get(0).deliveries().get(0).attempts())
                .isEqualTo(2);
        reports.delete(admin, sent.reportId(), 1);
    }

    private record Sent(UUID reportId, UUID runId, List<User> recipients) {}

    /** A send report to {@code count} new users, its run saved "later": its deliveries wait for this test. */
    private Sent savedSendReport(Actor admin, int count) throws Exception {
        UUID root = admin.grants().get(0).tenantId();
        Tenant partner = tenants.create(admin, Tenant.partner("delivery partner", root));
        List<User> recipients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String login = "d" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
            recipients.add(users.create(admin, User.of(partner.id(), login, Contact.ofEmail(login + "@example.com"))));
        }
        Report report = reports.create(
                admin,
                Report.builder()
                        .resultAction(ResultAction.SEND)
                        .recipients(recipients.stream().map(User::id).toList())
                        .parameters(ReportParameters.builder()
                                .tenantId(partner.id())
                                .level(ReportLevel.ITSELF)
                                .kind(ReportKind.USAGE_SUMMARY)
                                .formats(List.of(ReportFormat.CSV_V2_0))
                                .period(new Period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31")))
                                .build())
                        .schedule(Schedule.once())
                        .generationDate(LocalDate.now(ZoneOffset.UTC).plusDays(2))
                        .build());
        UUID runId = runs.runs(admin, report.id()).get(0).id();
        LaterRuns.saveAt(later, runId, ledger, planner, generator);
        return new Sent(report.id(), runId, recipients);
    }

    /** What a worker's SMTP session sends for a delivery; {@code dies} breaks it off before the end of the data. */
    private static void send(String messageId, String to, boolean dies) throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", System.getenv("REPORTS_SMTP_HOST"));
        props.setProperty("mail.smtp.port", System.getenv("REPORTS_SMTP_PORT"));
        MimeMessage message = new MimeMessage(Session.getInstance(props)) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress("reports@usage-reports.test"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Usage summary");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new jakarta.activation.DataSource() {
            @Override
            public InputStream getInputStream() {
                byte[] half = new byte[64 * 1024];
                return new InputStream() {
                    private final InputStream data = new ByteArrayInputStream(half);

                    @Override
                    public int read() throws IOException {
                        int b = data.read();
                        if (b == -1 && dies) {
                            throw new IOException("the worker died");
                        }
                        return b;
                    }
                };
            }

            @Override
            public OutputStream getOutputStream() {
                throw new UnsupportedOperationException();
            }

            @Override
            public String getContentType() {
                return "text/csv";
            }

            @Override
            public String getName() {
                return "report.csv";
            }
        }));
        file.setHeader("Content-Transfer-Encoding", "base64");
        message.setContent(new MimeMultipart(file));
        message.saveChanges();
        Transport.send(message);
    }

    private Actor admin() {
        return users.authenticate("admin", System.getenv("REPORTS_ADMIN_PASSWORD"))
                .orElseThrow();
    }

    private List<UUID> deliveryIds(UUID runId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT id FROM report_delivery WHERE run_id = ? ORDER BY position")) {
            s.setObject(1, runId);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    private String messageId(UUID deliveryId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT message_id FROM report_delivery WHERE id = ?")) {
            s.setObject(1, deliveryId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
