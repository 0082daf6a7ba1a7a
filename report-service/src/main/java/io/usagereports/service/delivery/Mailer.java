package io.usagereports.service.delivery;

import io.usagereports.model.runs.DeliveryTransport;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;

/** Hands a finished message to where e-mail goes: an SMTP server, or the outbox folder. */
interface Mailer {

    DeliveryTransport transport();

    /** The mail session messages are built in. */
    Session session();

    /**
     * Sends the message to its one recipient and calls {@code accepted} the moment it is final
     * (the SMTP server accepted it, the file is in place), before anything else.
     *
     * @param name a name unique to the delivery and the same on every attempt
     */
    void send(ReportMessage message, String name, Runnable accepted) throws MessagingException, IOException;
}
