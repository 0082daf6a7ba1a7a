package it.io.usagereports.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The integration tests' mail server, up for the whole test run so that the server under test can
 * send from the first test on: GreenMail (a real SMTP and IMAP server) behind an {@link SmtpFront}
 * on the port the server under test sends to ({@code it.smtp.port}). Started only where that port
 * is given, i.e. by failsafe, not for the unit tests.
 */
public final class TestMailServer implements LauncherSessionListener {

    private GreenMail greenMail;
    private SmtpFront front;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String smtpPort = System.getProperty("it.smtp.port");
        if (smtpPort == null) {
            return;
        }
        int backend = Integer.getInteger("it.greenmail.smtp.port");
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(backend, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(Integer.getInteger("it.imap.port"), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        greenMail.start();
        try {
            front = new SmtpFront(Integer.parseInt(smtpPort), backend);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            if (front != null) {
                front.close();
            }
        } catch (IOException e) {
            // the test run is over
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
