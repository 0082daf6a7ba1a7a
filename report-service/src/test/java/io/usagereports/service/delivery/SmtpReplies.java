package io.usagereports.service.delivery;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;

/**
 * The exceptions Angus Mail's SMTP transport throws when sending to one recipient, built as
 * {@code SMTPTransport} builds them. A reply is the server's last response line as the transport
 * keeps it, with its line break.
 */
final class SmtpReplies {

    static final String RECIPIENT = "alice@example.com";

    private SmtpReplies() {}

    private static InternetAddress recipient() {
        try {
            return new InternetAddress(RECIPIENT);
        } catch (AddressException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int code(String reply) {
        return Integer.parseInt(reply.substring(0, 3));
    }

    /**
     * The server answered {@code RCPT TO} with {@code reply}: the address failed, chained to a
     * {@link SendFailedException} listing it as invalid (5xx) or as valid but unsent (4xx).
     */
    static SendFailedException recipientRefused(String reply) {
        InternetAddress to = recipient();
        boolean invalid = reply.startsWith("5");
        return new SendFailedException(
                "Invalid Addresses",
                new SMTPAddressFailedException(to, "RCPT TO:<" + RECIPIENT + ">", code(reply), reply),
                null,
                invalid ? new Address[0] : new Address[] {to},
                invalid ? new Address[] {to} : new Address[0]);
    }

    /** The server refused a command of the transaction: {@code MAIL FROM}, {@code DATA}, or "." ending the data. */
    static SMTPSendFailedException commandRefused(String command, String reply) {
        return new SMTPSendFailedException(command, code(reply), reply, null, null, new Address[] {recipient()}, null);
    }

    /** No connection: the server's port refused it. */
    static MessagingException connectionRefused() {
        return new MailConnectException(new SocketConnectException(
                "Couldn't connect to host",
                new ConnectException("Connection refused"),
                "smtp.example.com",
                25,
                10_000));
    }

    /** The server stopped answering: a read timed out. */
    static MessagingException readTimedOut() {
        return new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"));
    }
}
