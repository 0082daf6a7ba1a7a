package io.usagereports.service.delivery;

import io.usagereports.model.runs.DeliveryTransport;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.util.Properties;

/**
 * Sends through the configured SMTP server, one connection per message: a delivery's failure is
 * its own, and a hung server holds a worker no longer than the time-outs below.
 */
class SmtpMailer implements Mailer {

    /** How long connecting, and then each read or write, may take. */
    static final int CONNECT_TIMEOUT_MS = 10_000;

    static final int IO_TIMEOUT_MS = 60_000;

    private final MailSettings settings;
    private final Session session;

    SmtpMailer(MailSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    static Properties properties(MailSettings settings) {
        String protocol = protocol(settings);
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", protocol);
        props.setProperty(p + "host", settings.smtpHost().orElseThrow());
        props.setProperty(p + "port", Integer.toString(settings.smtpPort()));
        props.setProperty(p + "connectiontimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        props.setProperty(p + "timeout", Integer.toString(IO_TIMEOUT_MS));
        props.setProperty(p + "writetimeout", Integer.toString(IO_TIMEOUT_MS));
        props.setProperty(p + "from", settings.from().getAddress());
        switch (settings.security()) {
            case STARTTLS -> {
                props.setProperty(p + "starttls.enable", "true");
                // A password never travels in plain text: with a login, TLS is required, not just tried.
                props.setProperty(
                        p + "starttls.required",
                        Boolean.toString(settings.user().isPresent()));
                props.setProperty(p + "ssl.checkserveridentity", "true");
            }
            case TLS -> props.setProperty(p + "ssl.checkserveridentity", "true");
            case NONE -> props.setProperty(p + "starttls.enable", "false");
        }
        props.setProperty(p + "auth", Boolean.toString(settings.user().isPresent()));
        return props;
    }

    private static String protocol(MailSettings settings) {
        return settings.security() == MailSettings.Security.TLS ? "smtps" : "smtp";
    }

    @Override
    public DeliveryTransport transport() {
        return DeliveryTransport.SMTP;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public void send(ReportMessage message, String name, Runnable accepted) throws MessagingException {
        message.saveChanges();
        Transport transport = session.getTransport(protocol(settings));
        try {
            transport.connect(
                    settings.smtpHost().orElseThrow(),
                    settings.smtpPort(),
                    settings.user().orElse(null),
                    settings.password().orElse(null));
            transport.sendMessage(message, message.getAllRecipients());
            accepted.run();
        } finally {
            try {
                transport.close();
            } catch (MessagingException e) {
                // The message is accepted or failed already: a QUIT that fails changes neither.
            }
        }
    }
}
