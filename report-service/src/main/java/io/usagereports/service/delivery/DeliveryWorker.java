package io.usagereports.service.delivery;

import io.usagereports.model.directory.Contact;
import io.usagereports.model.directory.User;
import io.usagereports.service.common.LeaseKeeper;
import io.usagereports.service.common.ServerInstance;
import io.usagereports.service.delivery.DeliveryRepository.Claim;
import io.usagereports.service.delivery.DeliveryRepository.Claimable;
import io.usagereports.service.runs.SavedRun;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends deliveries from this server: claims one in the database, builds its message, hands it to
 * the SMTP server (or the outbox) and records the outcome. At most
 * {@code reports.mail.concurrency} messages are sent at once here; each is a delivery of its own,
 * so one recipient's failure or slow server delays no other.
 *
 * <p>Exactly once: a delivery is claimed like a run, and its lease renewed on a timer while it is
 * sent. Right before the message becomes final, the claim is renewed once more, and the message
 * is abandoned (never committed) if it was lost meanwhile; it is recorded {@code delivered} the
 * moment the server accepted it. The one way a message goes out twice is a crash in the
 * milliseconds between that acceptance and its record: the delivery is claimed again after its
 * lease and sent again with the same {@code Message-ID}.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss").withZone(ZoneOffset.UTC);

    /** Names this server instance in {@code claimed_by}, for operators reading the table. */
    private final String owner = ServerInstance.NAME;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    /** Renews the leases of the deliveries being sent. */
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    DeliveryRepository repository;

    @Inject
    DeliveryJobs jobs;

    @Inject
    MailSettings settings;

    @Inject
    Clock clock;

    @Inject
    DeliveryMetrics metrics = DeliveryMetrics.NONE;

    @Inject
    @ConfigProperty(name = "reports.worker.lease-seconds", defaultValue = "120")
    long leaseSeconds;

    @Inject
    @ConfigProperty(name = "reports.mail.concurrency", defaultValue = "4")
    int concurrency;

    /** How long a stopping server lets the messages it is sending finish before it hands them over. */
    static final Duration HAND_OVER_GRACE = Duration.ofSeconds(5);

    private Semaphore permits;
    Mailer mailer;
    private final Map<UUID, Claim> sending = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private MailComposer composer;

    @PostConstruct
    void init() {
        permits = new Semaphore(Math.max(1, concurrency));
        mailer = settings.smtpHost().isPresent() ? new SmtpMailer(settings) : new OutboxMailer(settings.outbox());
        composer = new MailComposer(settings);
    }

    /** New deliveries were committed here: send them without waiting for the next poll. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued queued) {
        for (UUID id : queued.ids()) {
            if (!submit(new Claimable(id, 0))) {
                return;
            }
        }
    }

    /** Workers free now; none once the server is stopping. */
    int available() {
        return stopping ? 0 : permits.availablePermits();
    }

    /**
     * The server is stopping: takes no more deliveries, lets the messages being sent finish for a
     * few seconds, then gives back those still going, so another server sends them at once. A
     * message given back is abandoned before it is final (its claim can no longer be renewed).
     */
    @PreDestroy
    void handOver() {
        stopping = true;
        long deadline = System.nanoTime() + HAND_OVER_GRACE.toNanos();
        while (!sending.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        sending.values().forEach(this::release);
    }

    private void release(Claim claim) {
        try {
            if (repository.release(claim)) {
                LOG.info(() -> "Delivery " + claim.id() + " handed over: this server is stopping");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivery " + claim.id() + " could not be handed over; its lease runs out", e);
        }
    }

    /**
     * Claims and sends the delivery in the background if a worker is free; false if none is. The
     * worker then goes on with the next due delivery, if any, without waiting for a poll.
     */
    boolean submit(Claimable delivery) {
        if (stopping || !permits.tryAcquire()) {
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    for (Optional<Claimable> next = Optional.of(delivery);
                            next.isPresent() && !stopping && attempt(next.get(), clock.instant()); ) {
                        next = nextDue();
                    }
                } finally {
                    permits.release();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            permits.release();
            return false;
        }
    }

    private Optional<Claimable> nextDue() {
        try {
            return repository.claimable(clock.instant(), 1).stream().findFirst();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Looking for the next due delivery failed; the next poll retries", e);
            return Optional.empty();
        }
    }

    /** Claims the delivery as of {@code now} and, if this call won the claim, sends it. Returns whether it did. */
    public boolean attempt(Claimable delivery, Instant now) {
        Optional<Claim> claim;
        try {
            claim = repository.claim(delivery, owner, now, now.plusSeconds(leaseSeconds));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivery " + delivery.id() + " could not be claimed; the next poll retries", e);
            return false;
        }
        claim.ifPresent(this::send);
        return claim.isPresent();
    }

    /** Sends a claimed attempt and records how it went. */
    void send(Claim claim) {
        sending.put(claim.id(), claim);
        try {
            attemptSend(claim);
        } finally {
            sending.remove(claim.id());
        }
    }

    private void attemptSend(Claim claim) {
        Duration lease = Duration.ofSeconds(leaseSeconds);
        String email = null;
        AtomicBoolean accepted = new AtomicBoolean();
        try (LeaseKeeper keeper = new LeaseKeeper(
                "Delivery " + claim.id() + " attempt " + claim.attempt(),
                () -> repository.extendLease(claim, clock.instant().plus(lease)),
                lease,
                scheduler)) {
            Optional<DeliveryJob> found = jobs.load(claim);
            if (found.isEmpty()) {
                LOG.fine(() -> "Delivery " + claim.id() + " is gone or taken over");
                return;
            }
            DeliveryJob job = found.get();
            if (job.recipient().isEmpty()) {
                record(
                        claim,
                        null,
                        SendFailure.permanent(
                                SendFailure.RECIPIENT_NOT_FOUND,
                                "User " + job.delivery().recipient() + " no longer exists."));
                return;
            }
            User user = job.recipient().get();
            email = user.contact() == null ? null : user.contact().email();
            if (email == null || email.isBlank()) {
                record(
                        claim,
                        null,
                        SendFailure.permanent(
                                SendFailure.NO_EMAIL_ADDRESS,
                                "User " + user.id() + " (" + user.login() + ") has no e-mail address."));
                return;
            }
            InternetAddress to;
            try {
                to = address(user);
            } catch (AddressException e) {
                record(
                        claim,
                        email,
                        SendFailure.permanent(
                                SendFailure.RECIPIENT_REJECTED,
                                "'" + email + "' is not a valid e-mail address: " + e.getMessage()));
                return;
            }
            ReportMessage message = composer.compose(mailer.session(), mail(job, to));
            message.setCommitGate(() -> {
                if (keeper.lost()
                        || !repository.extendLease(claim, clock.instant().plus(lease))) {
                    throw new LostClaimException();
                }
            });
            String sentTo = email;
            mailer.send(message, fileName(job.delivery()), () -> {
                accepted.set(true);
                if (repository.delivered(claim, sentTo, mailer.transport(), clock.instant())) {
                    metrics.outcome("delivered", claim.attempt());
                } else {
                    LOG.info(() -> "Delivery " + claim.id() + " was accepted after its claim ran out; another attempt"
                            + " may send it again, with the same Message-ID");
                }
            });
            LOG.fine(() -> "Delivery " + claim.id() + " delivered to " + sentTo + " (attempt " + claim.attempt() + ")");
        } catch (Exception e) {
            failed(claim, email, accepted.get(), e);
        }
    }

    private void failed(Claim claim, String email, boolean accepted, Exception cause) {
        if (accepted) {
            LOG.log(
                    Level.WARNING,
                    "Delivery " + claim.id() + " was accepted, but recording it failed: after its"
                            + " lease it is sent again, with the same Message-ID",
                    cause);
            return;
        }
        if (stopping || Thread.currentThread().isInterrupted()) {
            // Not the message's failure: the server is stopping mid-send. Hand it over rather than count it.
            release(claim);
            return;
        }
        if (SendFailure.causedBy(cause, LostClaimException.class)) {
            LOG.info(() -> "Delivery " + claim.id() + " attempt " + claim.attempt() + " lost its claim before the"
                    + " message was final; it was not sent");
            return;
        }
        SendFailure failure = SendFailure.causedBy(cause, StoredContentException.class)
                ? SendFailure.ofError(cause)
                : cause instanceof MessagingException || cause instanceof IOException
                        ? mailer instanceof SmtpMailer ? SendFailure.ofSmtp(cause) : SendFailure.ofOutbox(cause)
                        : SendFailure.ofError(cause);
        LOG.log(
                failure.permanent() ? Level.INFO : Level.WARNING,
                "Delivery " + claim.id() + " attempt " + claim.attempt() + " failed: " + failure.code() + " "
                        + failure.message());
        record(claim, email, failure);
    }

    /** Records a failure: for good if it is permanent or the attempts are used up, else retried after a back-off. */
    private void record(Claim claim, String email, SendFailure failure) {
        Instant now = clock.instant();
        try {
            // Counted in failures, not in claims: a delivery a stopping server handed back was not tried.
            int attempt = failure.permanent() ? 0 : repository.failuresSoFar(claim) + 1;
            if (failure.permanent() || attempt >= settings.maxAttempts()) {
                if (repository.failed(claim, email, mailer.transport(), now, failure)) {
                    metrics.outcome("failed", attempt == 0 ? claim.attempt() : attempt);
                }
            } else {
                if (repository.retryLater(
                        claim, email, mailer.transport(), now.plus(settings.backOff(attempt)), failure)) {
                    metrics.outcome("retried", attempt);
                }
            }
        } catch (RuntimeException e) {
            // The lease expires and another attempt follows: nothing is lost.
            LOG.log(Level.WARNING, "Recording the failure of delivery " + claim.id() + " failed", e);
        }
    }

    private ReportMail mail(DeliveryJob job, InternetAddress to) throws IOException {
        SavedRun run = job.run();
        List<ReportMail.File> files = new ArrayList<>();
        for (SavedRun.Output output : run.outputs()) {
            ReportMail.Content content = StoredContentException.guarded(output.content()::openDecompressed);
            long size = output.contentSize() != null ? output.contentSize() : measure(content);
            files.add(new ReportMail.File(output.storedId(), output.format(), output.fileName(), size, content));
        }
        Contact contact = job.recipient().orElseThrow().contact();
        return new ReportMail(
                job.delivery().messageId(),
                to,
                contact.firstname(),
                job.report().parameters().kind(),
                job.report().parameters().level(),
                job.tenantName(),
                run.firstDay(),
                run.lastDay(),
                run.reportId(),
                run.id(),
                files,
                clock.instant());
    }

    /** The size of a file saved before sizes were recorded: read once, counting. */
    private static long measure(ReportMail.Content content) throws IOException {
        try (InputStream in = content.open()) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    private static InternetAddress address(User user) throws AddressException {
        Contact contact = user.contact();
        String name = String.join(
                " ",
                java.util.stream.Stream.of(contact.firstname(), contact.lastname())
                        .filter(n -> n != null && !n.isBlank())
                        .toList());
        InternetAddress address = new InternetAddress(contact.email(), true);
        if (!name.isEmpty()) {
            try {
                address.setPersonal(name, "UTF-8");
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException("UTF-8 is always supported", e);
            }
        }
        return address;
    }

    /** The outbox file of a delivery: when it was created, then its ID; the same on every attempt. */
    static String fileName(DeliveryRow delivery) {
        return FILE_TIME.format(delivery.createdAt()) + "_" + delivery.id();
    }

    /** The claim was lost before the message was final: it must not be committed. */
    static final class LostClaimException extends IOException {
        LostClaimException() {
            super("The delivery's claim was lost; the message is abandoned before it is final");
        }
    }
}
