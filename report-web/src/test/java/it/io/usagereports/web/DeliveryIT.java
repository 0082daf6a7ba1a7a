package it.io.usagereports.web;

import static it.io.usagereports.web.ApiFailures.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.model.common.ErrorCodes;
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
import io.usagereports.model.runs.ReportRun;
import io.usagereports.model.runs.ResendRequest;
import io.usagereports.model.runs.RunRequest;
import io.usagereports.model.runs.RunStatus;
import io.usagereports.model.runs.StoredReport;
import io.usagereports.model.usage.UsageBatch;
import io.usagereports.model.usage.UsageReading;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * E-mail delivery of {@code send} reports through a real SMTP server (GreenMail, with a front that
 * refuses some recipients as real servers do), seen as a user sees it: the messages in each
 * recipient's mailbox, and each delivery in the run history.
 */
class DeliveryIT {

    private static final Path OUT = Path.of("target", "delivery");
    private static final String CSV_FILE = "usage_summary_2017-05-01_2017-05-07.csv";
    private static final String HTML_FILE = "usage_summary_2017-05-01_2017-05-07.html";
    private static final Period SEED_PERIOD = new Period(LocalDate.parse("2017-05-01"), LocalDate.parse("2017-05-07"));

    private static Sandbox sandbox;
    private static UUID acme;

    @BeforeAll
    static void data() {
        sandbox = Sandbox.create();
        acme = sandbox.directory
                .createTenant(Tenant.customer("Acme", sandbox.partner.id()))
                .id();
        sandbox.usage()
                .ingest(new UsageBatch(List.of(
                        new UsageReading(acme, "storage", null, null, 1L << 30, Instant.parse("2017-05-01T12:00:00Z")),
                        new UsageReading(
                                acme, "storage", null, null, 3L << 30, Instant.parse("2017-05-06T12:00:00Z")))));
    }

    /** The seed's report: a usage summary of the sandbox's accounts, sent as csv and html. */
    private static Report sendReport(List<UUID> recipients) {
        return sandbox.reports.createReport(Report.builder()
                .resultAction(ResultAction.SEND)
                .recipients(recipients)
                .parameters(ReportParameters.builder()
                        .tenantId(sandbox.partner.id())
                        .level(ReportLevel.ACCOUNTS)
                        .kind(ReportKind.USAGE_SUMMARY)
                        .formats(List.of(ReportFormat.CSV, ReportFormat.HTML))
                        .period(SEED_PERIOD)
                        .build())
                .schedule(Schedule.once())
                .generationDate(LocalDate.parse("2017-05-08"))
                .build());
    }

    @Test
    void theSeedsReportArrivesOnceForEachRecipientWithBothFiles() throws Exception {
        User alice = sandbox.newUser(acme, "alice-");
        User bob = sandbox.newUser(acme, "bob-");
        Report report = sendReport(List.of(alice.id(), bob.id()));

        ReportRun run = awaitDeliveries(report.id(), 2, 60);
        assertThat(run.status()).isEqualTo(RunStatus.SAVED);
        assertThat(run.deliveries()).extracting(Delivery::recipient).containsExactly(alice.id(), bob.id());
        List<StoredReport> stored = sandbox.reports.stored(report.id()).items();
        byte[] storedCsv = download(report.id(), stored.get(0));
        assertThat(stored.get(0).reportFormat()).isEqualTo(ReportFormat.CSV);

        for (int i = 0; i < 2; i++) {
            User user = i == 0 ? alice : bob;
            Delivery delivery = run.deliveries().get(i);
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(delivery.transport()).isEqualTo(DeliveryTransport.SMTP);
            assertThat(delivery.email()).isEqualTo(user.contact().email());
            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(delivery.deliveredAt()).isNotNull();
            assertThat(delivery.failure()).isNull();

            List<MimeMessage> received = new Mailbox(user.contact().email()).await(1, 30);
            assertThat(received).hasSize(1);
            MimeMessage message = received.get(0);
            assertThat(message.getMessageID()).isEqualTo(delivery.messageId());
            assertThat(message.getAllRecipients())
                    .extracting(Object::toString)
                    .containsExactly("Test User <" + user.contact().email() + ">");
            assertThat(message.getFrom()).extracting(Object::toString).containsExactly("reports@usage-reports.test");
            assertThat(message.getSubject())
                    .isEqualTo("Usage summary for " + sandbox.partner.name() + ", 2017-05-01 to 2017-05-07");

            Multipart mixed = (Multipart) message.getContent();
            assertThat(mixed.getContentType()).startsWith("multipart/mixed");
            Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
            assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
            assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
            assertThat((String) alternative.getBodyPart(0).getContent())
                    .contains("Hello Test,")
                    .contains(CSV_FILE)
                    .contains(HTML_FILE);
            String htmlPart = (String) alternative.getBodyPart(1).getContent();
            assertThat(htmlPart)
                    .doesNotContainIgnoringCase("<script")
                    .doesNotContain("<img")
                    .contains("Usage summary");
            if (i == 0) {
                // The HTML part as a mail program shows it: docs/delivery-email.png is this screenshot.
                Files.createDirectories(OUT);
                Path page = OUT.resolve("email.html").toAbsolutePath();
                Files.writeString(page, htmlPart);
                Chromium.screenshot(OUT, page, "email.png", 760, 560);
            }

            assertThat(mixed.getCount()).isEqualTo(3);
            BodyPart csv = mixed.getBodyPart(1);
            BodyPart html = mixed.getBodyPart(2);
            assertThat(csv.getDisposition()).isEqualTo(Part.ATTACHMENT);
            assertThat(csv.getFileName()).isEqualTo(CSV_FILE);
            assertThat(csv.isMimeType("text/csv")).isTrue();
            assertThat(html.getFileName()).isEqualTo(HTML_FILE);
            assertThat(html.isMimeType("text/html")).isTrue();
            assertThat(bytes(csv)).isEqualTo(storedCsv);
            assertThat(new String(bytes(html), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("Acme");
        }
    }

    @Test
    void aRecipientTheServerRejectsFailsAtOnceAndTheOthersAreDelivered() throws Exception {
        User rejected = sandbox.newUser(acme, "reject-");
        User other = sandbox.newUser(acme, "other-");
        Report report = sendReport(List.of(rejected.id(), other.id()));

        ReportRun run = awaitDeliveries(report.id(), 2, 60);
        Delivery failed = run.deliveries().get(0);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.failure().code()).isEqualTo("recipient_rejected");
        assertThat(failed.failure().message()).startsWith("550 5.1.1").contains("User unknown");
        assertThat(failed.deliveredAt()).isNull();
        assertThat(run.deliveries().get(1).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(new Mailbox(other.contact().email()).await(1, 30)).hasSize(1);
        assertThat(new Mailbox(rejected.contact().email()).messages()).isEmpty();
    }

    @Test
    void aRecipientDeletedBeforeTheRunFailsAsNotFoundAndTheOthersAreDelivered() throws Exception {
        User gone = sandbox.newUser(acme, "gone-");
        User stays = sandbox.newUser(acme, "stays-");
        Report report = sandbox.reports.createReport(Report.builder()
                .resultAction(ResultAction.SEND)
                .recipients(List.of(gone.id(), stays.id()))
                .parameters(ReportParameters.builder()
                        .tenantId(sandbox.partner.id())
                        .level(ReportLevel.ACCOUNTS)
                        .kind(ReportKind.USAGE_SUMMARY)
                        .formats(List.of(ReportFormat.CSV))
                        .build())
                .schedule(Schedule.monthly())
                .build());
        sandbox.directory.deleteUser(gone.id(), gone.version());

        sandbox.reports.runNow(report.id(), new RunRequest(SEED_PERIOD));

        ReportRun run = awaitDeliveries(report.id(), 2, 60);
        Delivery notFound = run.deliveries().stream()
                .filter(d -> d.recipient().equals(gone.id()))
                .findFirst()
                .orElseThrow();
        assertThat(notFound.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(notFound.attempts()).isEqualTo(1);
        assertThat(notFound.failure().code()).isEqualTo("recipient_not_found");
        assertThat(run.deliveries().stream()
                        .filter(d -> d.recipient().equals(stays.id()))
                        .findFirst()
                        .orElseThrow()
                        .status())
                .isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(new Mailbox(stays.contact().email()).await(1, 30)).hasSize(1);
        assertThat(new Mailbox(gone.contact().email()).messages()).isEmpty();
    }

    @Test
    void aRecipientDeferredTwiceIsDeliveredOnTheThirdAttempt() throws Exception {
        User greylisted = sandbox.newUser(acme, "defer2-");
        Report report = sendReport(List.of(greylisted.id()));

        // Retries wait 1 s, then 2 s (REPORTS_MAIL_RETRY_SECONDS=1 on the test server).
        ReportRun run = awaitDeliveries(report.id(), 1, 60);
        Delivery delivery = run.deliveries().get(0);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(delivery.failure()).isNull();
        List<MimeMessage> received = new Mailbox(greylisted.contact().email()).await(1, 30);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getMessageID()).isEqualTo(delivery.messageId());
    }

    @Test
    void aSavedRunIsSentAgainAsNewMessages() throws Exception {
        User carol = sandbox.newUser(acme, "carol-");
        User dave = sandbox.newUser(acme, "dave-");
        Report report = sendReport(List.of(carol.id()));
        ReportRun run = awaitDeliveries(report.id(), 1, 60);

        // By default to the report's recipients; or to the users named.
        List<Delivery> again =
                sandbox.reports.resend(report.id(), run.id(), null).items();
        assertThat(again).extracting(Delivery::recipient).containsExactly(carol.id());
        assertThat(again.get(0).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(again.get(0).messageId())
                .isNotEqualTo(run.deliveries().get(0).messageId());
        List<Delivery> toDave = sandbox.reports
                .resend(report.id(), run.id(), new ResendRequest(List.of(dave.id())))
                .items();
        assertThat(toDave).extracting(Delivery::recipient).containsExactly(dave.id());

        ReportRun after = awaitDeliveries(report.id(), 3, 60);
        assertThat(after.deliveries())
                .extracting(Delivery::recipient)
                .containsExactly(carol.id(), carol.id(), dave.id());
        List<MimeMessage> carols = new Mailbox(carol.contact().email()).await(2, 30);
        assertThat(carols).hasSize(2);
        assertThat(carols.get(0).getMessageID()).isNotEqualTo(carols.get(1).getMessageID());
        assertThat(new Mailbox(dave.contact().email()).await(1, 30)).hasSize(1);

        HttpResponse<String> accepted = sandbox.postJson(
                "/reports/" + report.id() + "/runs/" + run.id() + "/deliveries",
                "{\"recipients\":[\"" + dave.id() + "\"]}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).startsWith("{\"items\":[{\"attempts\":0,").contains("\"status\":\"pending\"");
    }

    @Test
    void resendingChecksTheRunAndTheRecipients() throws Exception {
        User erin = sandbox.newUser(acme, "erin-");
        Report report = sendReport(List.of(erin.id()));
        ReportRun run = awaitDeliveries(report.id(), 1, 60);

        Sandbox stranger = Sandbox.create();
        UUID outsider = stranger.newUser(stranger.newCustomer());
        assertFails(
                () -> sandbox.reports.resend(report.id(), run.id(), new ResendRequest(List.of(outsider))),
                400,
                ErrorCodes.INVALID_VALUE,
                "recipients[0]");
        assertFails(
                () -> sandbox.reports.resend(report.id(), run.id(), new ResendRequest(List.of())),
                400,
                ErrorCodes.REQUIRED_FIELD,
                "recipients");
        assertFails(() -> sandbox.reports.resend(report.id(), UUID.randomUUID(), null), 404, ErrorCodes.NOT_FOUND);
        assertFails(() -> stranger.reports.resend(report.id(), run.id(), null), 404, ErrorCodes.NOT_FOUND);

        // A saved report without recipients has no one to send to unless the request names someone.
        ReportParameters acmeSummary = ReportParameters.builder()
                .tenantId(acme)
                .level(ReportLevel.ITSELF)
                .kind(ReportKind.USAGE_SUMMARY)
                .period(SEED_PERIOD)
                .build();
        Report saved = sandbox.reports.createReport(Report.builder()
                .resultAction(ResultAction.SAVE)
                .parameters(acmeSummary)
                .schedule(Schedule.once())
                .build());
        ReportRun savedRun = awaitSaved(saved.id());
        assertFails(
                () -> sandbox.reports.resend(saved.id(), savedRun.id(), null),
                400,
                ErrorCodes.REQUIRED_FIELD,
                "recipients");
        assertThat(sandbox.reports
                        .resend(saved.id(), savedRun.id(), new ResendRequest(List.of(erin.id())))
                        .items())
                .hasSize(1);

        // A run that is not saved yet cannot be sent.
        Report later = sandbox.reports.createReport(Report.builder()
                .resultAction(ResultAction.SEND)
                .recipients(List.of(erin.id()))
                .parameters(acmeSummary)
                .schedule(Schedule.once())
                .generationDate(LocalDate.now(java.time.ZoneOffset.UTC).plusDays(3))
                .build());
        UUID queued = sandbox.reports.runs(later.id()).items().get(0).id();
        assertFails(() -> sandbox.reports.resend(later.id(), queued, null), 409, ErrorCodes.NOT_READY);
    }

    /** The newest run once it is saved and at least {@code count} of its deliveries are no longer pending. */
    private static ReportRun awaitDeliveries(UUID reportId, int count, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ReportRun run = sandbox.reports.runs(reportId).items().get(0);
        while (System.nanoTime() < deadline
                && (run.status() != RunStatus.SAVED
                        || run.deliveries().stream()
                                        .filter(d -> d.status() != DeliveryStatus.PENDING)
                                        .count()
                                < count)) {
            Thread.sleep(250);
            run = sandbox.reports.runs(reportId).items().get(0);
        }
        assertThat(run.deliveries().stream()
                        .filter(d -> d.status() != DeliveryStatus.PENDING)
                        .count())
                .as("settled deliveries of run %s: %s", run.id(), run.deliveries())
                .isGreaterThanOrEqualTo(count);
        return run;
    }

    private static ReportRun awaitSaved(UUID reportId) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        ReportRun run = sandbox.reports.runs(reportId).items().get(0);
        while (run.status() != RunStatus.SAVED && System.nanoTime() < deadline) {
            Thread.sleep(250);
            run = sandbox.reports.runs(reportId).items().get(0);
        }
        assertThat(run.status()).isEqualTo(RunStatus.SAVED);
        return run;
    }

    private static byte[] download(UUID reportId, StoredReport stored) throws Exception {
        try (InputStream in = sandbox.reports.openStored(reportId, stored.id())) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(BodyPart part) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = part.getInputStream()) {
            in.transferTo(out);
        }
        return out.toByteArray();
    }
}
