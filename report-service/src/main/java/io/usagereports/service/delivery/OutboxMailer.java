package io.usagereports.service.delivery;

import io.usagereports.model.runs.DeliveryTransport;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Without an SMTP server: writes each message whole (RFC 5322, attachments included) as one
 * {@code .eml} file into the outbox folder, which any mail program opens. The file is written
 * under a temporary name and moved into place, so a crash never leaves half a message, and a
 * delivery done again replaces its own file: one file per delivery, always.
 */
final class OutboxMailer implements Mailer {

    private final Path folder;
    private final Session session = Session.getInstance(new Properties());

    OutboxMailer(Path folder) {
        this.folder = folder;
    }

    @Override
    public DeliveryTransport transport() {
        return DeliveryTransport.OUTBOX;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public void send(ReportMessage message, String name, Runnable accepted) throws MessagingException, IOException {
        message.saveChanges();
        Files.createDirectories(folder);
        Path target = folder.resolve(name + ".eml");
        Path partial = Files.createTempFile(folder, ".sending-", ".eml.part");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                message.writeTo(out);
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
            accepted.run();
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
