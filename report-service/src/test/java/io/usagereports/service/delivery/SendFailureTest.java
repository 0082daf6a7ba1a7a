package io.usagereports.service.delivery;

import static io.usagereports.service.delivery.SmtpReplies.commandRefused;
import static io.usagereports.service.delivery.SmtpReplies.connectionRefused;
import static io.usagereports.service.delivery.SmtpReplies.readTimedOut;
import static io.usagereports.service.delivery.SmtpReplies.recipientRefused;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

class SendFailureTest {

    @Test
    void aRecipientTheServerRejectsWithA5xxFailsForGoodWithTheServersReply() {
        SendFailure failure = SendFailure.ofSmtp(recipientRefused(
                "550 5.1.1 <alice@example.com>: Recipient address rejected: User unknown in virtual mailbox table\n"));

        assertThat(failure)
                .isEqualTo(SendFailure.permanent(
                        SendFailure.RECIPIENT_REJECTED,
                        "550 5.1.1 <alice@example.com>: Recipient address rejected: User unknown in virtual mailbox"
                                + " table"));
    }

    @Test
    void aRecipientTheServerDefersWithA4xxIsTriedAgain() {
        SendFailure failure = SendFailure.ofSmtp(
                recipientRefused("451 4.7.1 <alice@example.com>: Recipient address rejected: Greylisted\n"));

        assertThat(failure)
                .isEqualTo(new SendFailure(
                        false,
                        SendFailure.SMTP_DEFERRED,
                        "451 4.7.1 <alice@example.com>: Recipient address rejected: Greylisted"));
    }

    @Test
    void aMessageTheServerRefusesWithA5xxFailsForGoodAndOneItDefersWithA4xxIsTriedAgain() {
        assertThat(SendFailure.ofSmtp(commandRefused(".", "554 5.7.1 Message rejected as spam\n")))
                .isEqualTo(SendFailure.permanent(SendFailure.MESSAGE_REJECTED, "554 5.7.1 Message rejected as spam"));
        assertThat(SendFailure.ofSmtp(commandRefused(".", "452 4.3.1 Insufficient system storage\n")))
                .isEqualTo(new SendFailure(false, SendFailure.SMTP_DEFERRED, "452 4.3.1 Insufficient system storage"));
        assertThat(SendFailure.ofSmtp(commandRefused(
                        "MAIL FROM:<reports@example.com>", "421 4.3.2 Service shutting down, try again later\n")))
                .isEqualTo(new SendFailure(
                        false, SendFailure.SMTP_DEFERRED, "421 4.3.2 Service shutting down, try again later"));
    }

    @Test
    void noConnectionATimeOutOrAFailedTlsHandshakeIsTriedAgainAndNamesItsCause() {
        assertThat(SendFailure.ofSmtp(connectionRefused()))
                .isEqualTo(new SendFailure(
                        false,
                        SendFailure.SMTP_UNAVAILABLE,
                        "The SMTP server could not be reached or stopped answering: Connection refused"));
        assertThat(SendFailure.ofSmtp(readTimedOut()))
                .isEqualTo(new SendFailure(
                        false,
                        SendFailure.SMTP_UNAVAILABLE,
                        "The SMTP server could not be reached or stopped answering: Read timed out"));
        assertThat(SendFailure.ofSmtp(new MessagingException(
                        "Unknown SMTP host: smtp.example.com", new UnknownHostException("smtp.example.com"))))
                .returns(false, SendFailure::permanent)
                .returns(SendFailure.SMTP_UNAVAILABLE, SendFailure::code);
        assertThat(SendFailure.ofSmtp(new MessagingException(
                        "Could not convert socket to TLS", new SSLHandshakeException("PKIX path building failed"))))
                .isEqualTo(new SendFailure(
                        false,
                        SendFailure.SMTP_UNAVAILABLE,
                        "The SMTP server could not be reached or stopped answering: PKIX path building failed"));
    }

    @Test
    void aConnectionTheServerClosesMidTransactionIsTriedAgain() {
        // The transport reports an end of stream as the reply code -1 and the reply "[EOF]".
        SMTPSendFailedException closed = new SMTPSendFailedException(".", -1, "[EOF]", null, null, null, null);

        assertThat(SendFailure.ofSmtp(closed))
                .isEqualTo(new SendFailure(
                        false,
                        SendFailure.SMTP_UNAVAILABLE,
                        "The SMTP server could not be reached or stopped answering: [EOF]"));
    }

    @Test
    void aLoginTheServerRefusesIsTriedAgain() {
        assertThat(SendFailure.ofSmtp(new AuthenticationFailedException("535 5.7.8 Error: authentication failed\n")))
                .isEqualTo(new SendFailure(
                        false,
                        SendFailure.SMTP_UNAVAILABLE,
                        "The SMTP server refused the login: 535 5.7.8 Error: authentication failed"));
    }

    @Test
    void aServersReplyIsCutToWhatTheTableHolds() {
        String reply = "550 5.1.1 " + "x".repeat(2 * SendFailure.MAX_MESSAGE) + "\n";

        SendFailure failure = SendFailure.ofSmtp(recipientRefused(reply));

        assertThat(failure.permanent()).isTrue();
        assertThat(failure.message()).hasSize(SendFailure.MAX_MESSAGE).startsWith("550 5.1.1 xxx");
    }

    @Test
    void aFullOutboxDiskAndAFailureToPrepareTheMessageAreTriedAgain() {
        assertThat(SendFailure.ofOutbox(new FileSystemException(
                        "/srv/reports/outbox/.sending-1.eml.part", null, "No space left on device")))
                .isEqualTo(new SendFailure(
                        false,
                        SendFailure.OUTBOX_UNAVAILABLE,
                        "Writing the outbox file failed: /srv/reports/outbox/.sending-1.eml.part: No space left on"
                                + " device"));
        assertThat(SendFailure.ofError(
                        new IllegalStateException("Reading deliveries failed", new SQLException("Connection reset"))))
                .isEqualTo(new SendFailure(
                        false, SendFailure.DELIVERY_ERROR, "Preparing the message failed: Connection reset"));
    }

    @Test
    void aClaimLostWhileTheTransportWroteTheMessageIsFoundInsideTheTransportsException() {
        MessagingException sending =
                new MessagingException("IOException while sending message", new DeliveryWorker.LostClaimException());

        assertThat(SendFailure.causedBy(sending, DeliveryWorker.LostClaimException.class))
                .isTrue();
        assertThat(SendFailure.causedBy(readTimedOut(), DeliveryWorker.LostClaimException.class))
                .isFalse();
        assertThat(SendFailure.causedBy(new IOException("disk full"), DeliveryWorker.LostClaimException.class))
                .isFalse();
    }
}
