package io.usagereports.service.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The e-mail of one delivery. Its {@code Message-ID} is the delivery's, the same on every
 * attempt, so that a receiving system can recognise a message sent twice.
 *
 * <p>The commit point: SMTP makes a message final when the client sends the end of its data, and
 * the outbox when the file is moved into place. Both happen right after the message has been
 * written whole, so {@link CommitGate#open} is asked then, once the last byte is out: it renews the
 * delivery's claim and refuses (an {@link IOException}) if the claim was lost. A refused message
 * is never committed: the SMTP connection is dropped before the end of data, and the mail
 * server discards what it received.
 */
final class ReportMessage extends MimeMessage {

    /** Asked right before the message becomes final; throws if it must not. */
    @FunctionalInterface
    interface CommitGate {
        void open() throws IOException;
    }

    private final String messageId;
    private CommitGate gate = () -> {};

    ReportMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    void setCommitGate(CommitGate gate) {
        this.gate = gate;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }

    @Override
    public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
        super.writeTo(os, ignoreList);
        // The transfer is done before the claim is renewed, so that renewal and commit are as close as can be.
        os.flush();
        gate.open();
    }
}
