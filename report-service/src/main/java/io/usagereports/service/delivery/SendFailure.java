package io.usagereports.service.delivery;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Why an attempt to send failed, and whether trying again can help. The SMTP server's reply
 * decides: a {@code 5xx} is permanent (for the recipient: {@code recipient_rejected}; for the
 * message: {@code message_rejected}), a {@code 4xx} transient ({@code smtp_deferred}); no
 * connection, a time-out, a failed login or TLS handshake is transient ({@code smtp_unavailable}),
 * so is a failure to write the outbox file ({@code outbox_unavailable}) or to read the report
 * ({@code delivery_error}).
 */
record SendFailure(boolean permanent, String code, String message) {

    static final String RECIPIENT_REJECTED = "recipient_rejected";
    static final String MESSAGE_REJECTED = "message_rejected";
    static final String SMTP_DEFERRED = "smtp_deferred";
    static final String SMTP_UNAVAILABLE = "smtp_unavailable";
    static final String OUTBOX_UNAVAILABLE = "outbox_unavailable";
    static final String DELIVERY_ERROR = "delivery_error";
    static final String NO_EMAIL_ADDRESS = "no_email_address";
    static final String RECIPIENT_NOT_FOUND = "recipient_not_found";

    /** Failure messages are kept to what the table holds. */
    static final int MAX_MESSAGE = 1000;

    SendFailure {
        message = message == null ? code : message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    }

    static SendFailure permanent(String code, String message) {
        return new SendFailure(true, code, message);
    }

    /** Classifies a failure of the SMTP transport. */
    static SendFailure ofSmtp(Exception failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SMTPAddressFailedException rejected) {
                return reply(rejected.getReturnCode(), RECIPIENT_REJECTED, reply(rejected.getMessage()));
            }
        }
        for (Throwable t : chain(failure)) {
            if (t instanceof SMTPSendFailedException refused && refused.getReturnCode() > 0) {
                return reply(refused.getReturnCode(), MESSAGE_REJECTED, reply(refused.getMessage()));
            }
            if (t instanceof AuthenticationFailedException) {
                return new SendFailure(false, SMTP_UNAVAILABLE, "The SMTP server refused the login: " + summary(t));
            }
        }
        for (Throwable t : chain(failure)) {
            if (t instanceof SendFailedException sent
                    && sent.getInvalidAddresses() != null
                    && sent.getInvalidAddresses().length > 0) {
                return permanent(RECIPIENT_REJECTED, summary(t));
            }
        }
        return new SendFailure(
                false,
                SMTP_UNAVAILABLE,
                "The SMTP server could not be reached or stopped answering: " + summary(rootCause(failure)));
    }

    /** Classifies a failure of writing the outbox file (always transient: a full disk gets emptied). */
    static SendFailure ofOutbox(Exception failure) {
        return new SendFailure(
                false, OUTBOX_UNAVAILABLE, "Writing the outbox file failed: " + summary(rootCause(failure)));
    }

    /** Anything else that failed an attempt (reading the report, the database): transient. */
    static SendFailure ofError(Exception failure) {
        return new SendFailure(false, DELIVERY_ERROR, "Preparing the message failed: " + summary(rootCause(failure)));
    }

    private static SendFailure reply(int code, String permanentCode, String reply) {
        if (code >= 500) {
            return permanent(permanentCode, reply);
        }
        return new SendFailure(false, SMTP_DEFERRED, reply);
    }

    /** The server's reply line as Jakarta Mail reports it, without the line break it may end with. */
    private static String reply(String message) {
        return message == null ? null : message.strip();
    }

    private static String summary(Throwable t) {
        return t.getMessage() == null
                ? t.getClass().getSimpleName()
                : t.getMessage().strip();
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        for (Throwable next : chain(t)) {
            root = next;
        }
        return root;
    }

    /** The exception, its causes and the exceptions chained to it as Jakarta Mail chains them, each once. */
    static List<Throwable> chain(Throwable first) {
        List<Throwable> all = new ArrayList<>();
        Set<Throwable> seen = new HashSet<>();
        ArrayDeque<Throwable> todo = new ArrayDeque<>();
        todo.add(first);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                todo.add(m.getNextException());
            }
        }
        return all;
    }

    /** Whether {@code t} is, or wraps, an exception of the given type. */
    static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c : chain(t)) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
