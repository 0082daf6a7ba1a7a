package io.usagereports.service.delivery;

import static io.usagereports.service.delivery.SmtpReplies.connectionRefused;
import static io.usagereports.service.delivery.SmtpReplies.readTimedOut;
import static io.usagereports.service.delivery.SmtpReplies.recipientRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.usagereports.model.directory.Contact;
import io.usagereports.model.directory.User;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.runs.DeliveryStatus;
import io.usagereports.model.runs.DeliveryTransport;
import io.usagereports.model.runs.RunStatus;
import io.usagereports.service.common.LeaseTimers;
import io.usagereports.service.delivery.DeliveryRepository.Claim;
import io.usagereports.service.delivery.DeliveryRepository.Claimable;
import io.usagereports.service.runs.SavedRun;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What becomes of one attempt to send a delivery, by what the SMTP server answers. The table,
 * the job's reading and the SMTP server are doubles; the message is composed for real.
 */
class DeliveryWorkerTest {

    private static final Instant NOW = Instant.parse("2024-05-08T06:00:00Z");
    private static final UUID DELIVERY = UUID.fromString("6c1f2a4e-8b3d-4f7a-9e21-5d0c7b9a3e11");
    private static final UUID RUN = UUID.fromString("0c5a3c9e-0d84-4b6b-9a39-2a1d2b0f7c11");
    private static final UUID REPORT = UUID.fromString("20dffb36-d77b-45c6-b2fa-39276e98d5fc");
    private static final UUID TENANT = UUID.fromString("3b2d7e90-1c4a-4e5f-8a6b-0d9c8e7f6a51");
    private static final UUID ALICE = UUID.fromString("9f8e7d6c-5b4a-4392-8170-6e5d4c3b2a19");
    private static final String MESSAGE_ID = "<" + RUN + "." + ALICE + "@example.com>";

    /** The first retry after 10 minutes, so that the back-off reaches its hour within the attempts. */
    private static final long RETRY_SECONDS = 600;

    private static final int MAX_ATTEMPTS = 6;

    private final MailSettings settings = MailSettings.of(
            Optional.of("smtp.example.com"),
            Optional.empty(),
            "starttls",
            Optional.empty(),
            Optional.empty(),
            "Usage Reports <reports@example.com>",
            10 << 20,
            "https://reports.example.com",
            RETRY_SECONDS,
            MAX_ATTEMPTS,
            Path.of("/srv/reports"));

    private final Table table = new Table();
    private final Jobs jobs = new Jobs();
    private final LeaseTimers timers = new LeaseTimers();
    private final SmtpServer smtp = new SmtpServer(settings);
    private final DeliveryWorker worker = new DeliveryWorker();

    @BeforeEach
    void wire() {
        worker.settings = settings;
        worker.repository = table;
        worker.jobs = jobs;
        worker.scheduler = timers.service();
        worker.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        worker.leaseSeconds = 120;
        worker.concurrency = 1;
        worker.init();
        worker.mailer = smtp;
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    /** Claims attempt {@code attempt} of the delivery and sends it; whether the claim was won. */
    private boolean attempt(int attempt) {
        return worker.attempt(new Claimable(DELIVERY, attempt - 1), NOW);
    }

    private static Outcome failedAtOnce(int attempt, String email, SendFailure failure) {
        return new Outcome(
                DeliveryStatus.FAILED, new Claim(DELIVERY, attempt), email, DeliveryTransport.SMTP, NOW, failure);
    }

    @Test
    void aMessageTheServerAcceptsIsRecordedDeliveredWithTheTransportAndAddress() throws Exception {
        assertThat(attempt(1)).isTrue();

        assertThat(table.outcomes)
                .containsExactly(new Outcome(
                        DeliveryStatus.DELIVERED,
                        new Claim(DELIVERY, 1),
                        "alice@example.com",
                        DeliveryTransport.SMTP,
                        NOW,
                        null));
        assertThat(smtp.received).hasSize(1);
        assertThat(smtp.received.get(0).getMessageID())
                .as("the delivery's Message-ID, the same on every attempt")
                .isEqualTo(MESSAGE_ID);
        assertThat(smtp.received.get(0).getAllRecipients())
                .extracting(Object::toString)
                .containsExactly("Alice Smith <alice@example.com>");
        assertThat(table.renewals)
                .as("the claim is renewed once, right before the message is final")
                .isEqualTo(1);
        assertThat(timers.started).singleElement().returns(true, LeaseTimers.Timer::isCancelled);
        assertThat(table.released).isEmpty();
    }

    @Test
    void aRecipientTheServerDefersIsTriedAgainAfterTheFirstBackOff() {
        smtp.beforeData = () -> {
            throw recipientRefused("451 4.7.1 <alice@example.com>: Recipient address rejected: Greylisted\n");
        };

        attempt(1);

        assertThat(table.outcomes)
                .containsExactly(new Outcome(
                        DeliveryStatus.PENDING,
                        new Claim(DELIVERY, 1),
                        "alice@example.com",
                        DeliveryTransport.SMTP,
                        NOW.plusSeconds(RETRY_SECONDS),
                        new SendFailure(
                                false,
                                SendFailure.SMTP_DEFERRED,
                                "451 4.7.1 <alice@example.com>: Recipient address rejected: Greylisted")));
        assertThat(smtp.received).isEmpty();
    }

    @Test
    void anUnreachableOrSilentServerIsTriedAgainAfterTheBackOff() {
        smtp.beforeData = () -> {
            throw connectionRefused();
        };
        attempt(1);
        smtp.beforeData = () -> {
            throw readTimedOut();
        };
        attempt(2);

        assertThat(table.outcomes)
                .extracting(
                        Outcome::status,
                        Outcome::at,
                        o -> o.failure().code(),
                        o -> o.failure().message())
                .containsExactly(
                        tuple(
                                DeliveryStatus.PENDING,
                                NOW.plus(Duration.ofMinutes(10)),
                                SendFailure.SMTP_UNAVAILABLE,
                                "The SMTP server could not be reached or stopped answering: Connection refused"),
                        tuple(
                                DeliveryStatus.PENDING,
                                NOW.plus(Duration.ofMinutes(20)),
                                SendFailure.SMTP_UNAVAILABLE,
                                "The SMTP server could not be reached or stopped answering: Read timed out"));
    }

    @Test
    void retriesBackOffDoublingUpToAnHourAndTheLastAttemptFailsForGood() {
        smtp.beforeData = () -> {
            throw recipientRefused("450 4.2.1 <alice@example.com>: Mailbox busy, try again later\n");
        };

        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            attempt(attempt);
        }

        assertThat(table.outcomes)
                .extracting(Outcome::status, o -> Duration.between(NOW, o.at()))
                .containsExactly(
                        tuple(DeliveryStatus.PENDING, Duration.ofMinutes(10)),
                        tuple(DeliveryStatus.PENDING, Duration.ofMinutes(20)),
                        tuple(DeliveryStatus.PENDING, Duration.ofMinutes(40)),
                        tuple(DeliveryStatus.PENDING, Duration.ofHours(1)),
                        tuple(DeliveryStatus.PENDING, Duration.ofHours(1)),
                        tuple(DeliveryStatus.FAILED, Duration.ZERO));
        assertThat(table.outcomes.get(MAX_ATTEMPTS - 1).failure())
                .as("the last attempt's failure, as the server said it")
                .isEqualTo(new SendFailure(
                        false,
                        SendFailure.SMTP_DEFERRED,
                        "450 4.2.1 <alice@example.com>: Mailbox busy, try again later"));
    }

    @Test
    void attemptsHandedBackByAStoppingServerDoNotCountTowardsTheLimit() {
        smtp.beforeData = () -> {
            throw recipientRefused("450 4.2.1 <alice@example.com>: Mailbox busy, try again later\n");
        };
        table.handedBack = 2; // two servers stopped while sending it

        for (int attempt = 3; attempt <= MAX_ATTEMPTS + 2; attempt++) {
            attempt(attempt);
        }

        assertThat(table.outcomes)
                .extracting(Outcome::status, o -> Duration.between(NOW, o.at()))
                .containsExactly(
                        tuple(DeliveryStatus.PENDING, Duration.ofMinutes(10)),
                        tuple(DeliveryStatus.PENDING, Duration.ofMinutes(20)),
                        tuple(DeliveryStatus.PENDING, Duration.ofMinutes(40)),
                        tuple(DeliveryStatus.PENDING, Duration.ofHours(1)),
                        tuple(DeliveryStatus.PENDING, Duration.ofHours(1)),
                        tuple(DeliveryStatus.FAILED, Duration.ZERO));
    }

    @Test
    void aRecipientTheServerRejectsFailsAtOnceWithTheServersReply() {
        smtp.beforeData = () -> {
            throw recipientRefused("550 5.1.1 <alice@example.com>: Recipient address rejected: User unknown\n");
        };

        attempt(1);

        assertThat(table.outcomes)
                .containsExactly(failedAtOnce(
                        1,
                        "alice@example.com",
                        SendFailure.permanent(
                                SendFailure.RECIPIENT_REJECTED,
                                "550 5.1.1 <alice@example.com>: Recipient address rejected: User unknown")));
    }

    @Test
    void aRecipientWhoNoLongerExistsFailsAtOnceAndNothingIsSent() {
        jobs.recipient = Optional.empty();

        attempt(1);

        assertThat(table.outcomes)
                .containsExactly(failedAtOnce(
                        1,
                        null,
                        SendFailure.permanent(
                                SendFailure.RECIPIENT_NOT_FOUND, "User " + ALICE + " no longer exists.")));
        assertThat(smtp.received).isEmpty();
    }

    @Test
    void aRecipientWithoutAnEmailAddressFailsAtOnceAndNothingIsSent() {
        jobs.recipient = Optional.of(new User(ALICE, 3, TENANT, "alice", new Contact("  ", "Alice", "Smith")));
        attempt(1);
        jobs.recipient = Optional.of(new User(ALICE, 3, TENANT, "alice", null));
        attempt(1);

        SendFailure noAddress = SendFailure.permanent(
                SendFailure.NO_EMAIL_ADDRESS, "User " + ALICE + " (alice) has no e-mail address.");
        assertThat(table.outcomes).containsExactly(failedAtOnce(1, null, noAddress), failedAtOnce(1, null, noAddress));
        assertThat(smtp.received).isEmpty();
    }

    @Test
    void anAddressThatIsNoEmailAddressFailsAtOnceAsRejected() {
        jobs.recipient = Optional.of(new User(ALICE, 3, TENANT, "alice", Contact.ofEmail("alice at example.com")));

        attempt(1);

        assertThat(table.outcomes)
                .singleElement()
                .returns(DeliveryStatus.FAILED, Outcome::status)
                .returns("alice at example.com", Outcome::email)
                .extracting(Outcome::failure)
                .returns(true, SendFailure::permanent)
                .returns(SendFailure.RECIPIENT_REJECTED, SendFailure::code)
                .extracting(SendFailure::message)
                .asString()
                .startsWith("'alice at example.com' is not a valid e-mail address: ");
        assertThat(smtp.received).isEmpty();
    }

    @Test
    void aMessageAcceptedButNotRecordedIsLeftToTheLeaseNotRetriedByThisAttempt() {
        table.recordingDelivered = new IllegalStateException("Recording a delivery failed");

        assertThat(attempt(1)).isTrue();

        assertThat(smtp.received).hasSize(1);
        assertThat(table.outcomes)
                .as("neither retried nor failed: after its lease it is sent again, with the same Message-ID")
                .isEmpty();
        assertThat(table.released).isEmpty();
    }

    @Test
    void aMessageAcceptedAfterItsClaimRanOutRecordsNothingMore() {
        table.deliveredHeld = false;

        attempt(1);

        assertThat(smtp.received).hasSize(1);
        assertThat(table.outcomes).isEmpty();
        assertThat(table.released).isEmpty();
    }

    @Test
    void aClaimLostBeforeTheMessageIsFinalAbandonsTheMessageAndRecordsNothing() {
        table.holdsClaim = false;

        attempt(1);

        assertThat(smtp.received).as("the message is never committed").isEmpty();
        assertThat(table.outcomes).isEmpty();
        assertThat(table.released).isEmpty();
    }

    @Test
    void aLeaseRenewalThatFindsTheClaimTakenOverWhileSendingAbandonsTheMessage() {
        smtp.beforeData = () -> {
            table.holdsClaim = false;
            timers.started.get(0).tick();
        };

        attempt(1);

        assertThat(table.renewals).as("the timer's renewal only").isEqualTo(1);
        assertThat(smtp.received).as("the message is never committed").isEmpty();
        assertThat(table.outcomes).isEmpty();
        assertThat(table.released).isEmpty();
    }

    @Test
    void aDeliveryClaimedByAnotherServerFirstIsNotSent() {
        table.winsClaims = false;

        assertThat(attempt(1)).isFalse();

        assertThat(smtp.received).isEmpty();
        assertThat(table.outcomes).isEmpty();
        assertThat(timers.started).isEmpty();
    }

    @Test
    void aSendInterruptedByTheServerStoppingHandsTheDeliveryOverInsteadOfCountingAFailure() {
        smtp.beforeData = () -> {
            Thread.currentThread().interrupt();
            throw new MessagingException("Exception reading response", new InterruptedIOException());
        };

        attempt(1);

        assertThat(table.outcomes).isEmpty();
        assertThat(table.released).containsExactly(new Claim(DELIVERY, 1));
    }

    /** A change the worker made to the delivery's row; {@code at} is its due time for a retry. */
    record Outcome(
            DeliveryStatus status,
            Claim claim,
            String email,
            DeliveryTransport transport,
            Instant at,
            SendFailure failure) {}

    /** The {@code report_delivery} table as the worker changes it. */
    static final class Table extends DeliveryRepository {
        final List<Outcome> outcomes = new ArrayList<>();
        final List<Claim> released = new ArrayList<>();
        boolean winsClaims = true;
        boolean holdsClaim = true;
        boolean deliveredHeld = true;
        RuntimeException recordingDelivered;
        int renewals;

        @Override
        public Optional<Claim> claim(Claimable delivery, String owner, Instant now, Instant leaseUntil) {
            return winsClaims ? Optional.of(new Claim(delivery.id(), delivery.attempt() + 1)) : Optional.empty();
        }

        /** Attempts handed back untried so far: claimed, but not failed. */
        int handedBack;

        @Override
        int failuresSoFar(Claim claim) {
            return claim.attempt() - 1 - handedBack;
        }

        @Override
        boolean extendLease(Claim claim, Instant leaseUntil) {
            renewals++;
            return holdsClaim;
        }

        @Override
        boolean delivered(Claim claim, String email, DeliveryTransport transport, Instant at) {
            if (recordingDelivered != null) {
                throw recordingDelivered;
            }
            if (deliveredHeld) {
                outcomes.add(new Outcome(DeliveryStatus.DELIVERED, claim, email, transport, at, null));
            }
            return deliveredHeld;
        }

        @Override
        boolean retryLater(
                Claim claim, String email, DeliveryTransport transport, Instant retryAt, SendFailure failure) {
            outcomes.add(new Outcome(DeliveryStatus.PENDING, claim, email, transport, retryAt, failure));
            return true;
        }

        @Override
        boolean failed(Claim claim, String email, DeliveryTransport transport, Instant at, SendFailure failure) {
            outcomes.add(new Outcome(DeliveryStatus.FAILED, claim, email, transport, at, failure));
            return true;
        }

        @Override
        boolean release(Claim claim) {
            released.add(claim);
            return true;
        }
    }

    /** The job of each attempt: Alice's copy of a saved run without files. */
    static final class Jobs extends DeliveryJobs {
        Optional<User> recipient =
                Optional.of(new User(ALICE, 3, TENANT, "alice", new Contact("alice@example.com", "Alice", "Smith")));

        @Override
        public Optional<DeliveryJob> load(Claim claim) {
            DeliveryRow row = DeliveryRow.pending(DELIVERY, RUN, REPORT, ALICE, 0, MESSAGE_ID, NOW.minusSeconds(5));
            Report report = Report.builder()
                    .id(REPORT)
                    .parameters(ReportParameters.builder()
                            .tenantId(TENANT)
                            .level(ReportLevel.ITSELF)
                            .kind(ReportKind.USAGE_SUMMARY)
                            .build())
                    .build();
            LocalDate day = LocalDate.parse("2024-05-07");
            SavedRun run = new SavedRun(RUN, REPORT, RunStatus.SAVED, day, day, List.of());
            return Optional.of(new DeliveryJob(row, report, "Acme", recipient, run));
        }
    }

    /**
     * The SMTP server: takes each message whole (which opens its commit gate, as the end of the
     * data does) and accepts it. {@link #beforeData} is what happens first: a refusal is raised there.
     */
    static final class SmtpServer extends SmtpMailer {

        @FunctionalInterface
        interface Step {
            void run() throws MessagingException;
        }

        final List<ReportMessage> received = new ArrayList<>();
        Step beforeData = () -> {};

        SmtpServer(MailSettings settings) {
            super(settings);
        }

        @Override
        public void send(ReportMessage message, String name, Runnable accepted) throws MessagingException {
            beforeData.run();
            message.saveChanges();
            try {
                message.writeTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // As the SMTP transport reports a failure to write the data; the server discards what it got.
                throw new MessagingException("IOException while sending message", e);
            }
            received.add(message);
            accepted.run();
        }
    }
}
