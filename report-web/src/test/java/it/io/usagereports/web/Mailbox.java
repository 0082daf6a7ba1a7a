package it.io.usagereports.web;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What a recipient received, read over IMAP from the tests' mail server (GreenMail keeps one
 * mailbox per address, its password the address). Works from the test JVM and, for in-server
 * tests, from inside the server alike.
 */
final class Mailbox {

    private final String address;

    Mailbox(String address) {
        this.address = address;
    }

    static int imapPort() {
        String port = System.getenv("IT_IMAP_PORT");
        return port != null ? Integer.parseInt(port) : Integer.getInteger("it.imap.port", 3143);
    }

    /** Every message in the mailbox, read whole; none if nothing was ever delivered to it. */
    List<MimeMessage> messages() throws MessagingException {
        Properties props = new Properties();
        props.setProperty("mail.imap.host", "127.0.0.1");
        props.setProperty("mail.imap.port", Integer.toString(imapPort()));
        Session session = Session.getInstance(props);
        try (Store store = session.getStore("imap")) {
            try {
                store.connect(address, address);
            } catch (AuthenticationFailedException e) {
                return List.of();
            }
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<MimeMessage> copies = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    copies.add(new MimeMessage((MimeMessage) m));
                }
                return copies;
            } finally {
                inbox.close(false);
            }
        }
    }

    /** The messages once there are at least {@code count}, waiting up to {@code seconds}. */
    List<MimeMessage> await(int count, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<MimeMessage> found = messages();
        while (found.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
            found = messages();
        }
        return found;
    }
}
