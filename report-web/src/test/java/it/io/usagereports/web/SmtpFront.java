package it.io.usagereports.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A front to the tests' SMTP server (GreenMail, which accepts every recipient) that answers some
 * recipients the way real mail servers refuse them, and passes everything else through byte for
 * byte. By the recipient's address: {@code reject…@} is refused for good ({@code 550}), {@code
 * defer2…@} is refused for now ({@code 451}) twice, then passed. Plain SMTP only (no STARTTLS),
 * one command at a time, as Jakarta Mail talks.
 */
final class SmtpFront implements AutoCloseable {

    private static final Pattern RCPT = Pattern.compile("RCPT TO:\\s*<([^>]*)>.*", Pattern.CASE_INSENSITIVE);

    private final ServerSocket listener;
    private final InetAddress backendHost;
    private final int backendPort;
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

    SmtpFront(int port, int backendPort) throws IOException {
        this.backendHost = InetAddress.getLoopbackAddress();
        this.backendPort = backendPort;
        this.listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "smtp-front");
        accepting.setDaemon(true);
        accepting.start();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread connection = new Thread(() -> relay(client), "smtp-front-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** The reply this front gives in the server's place, or null to pass the command on. */
    private String refusal(String address) {
        String local = address.toLowerCase(Locale.ROOT);
        if (local.startsWith("reject")) {
            return "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown";
        }
        if (local.startsWith("defer2")
                && refusals.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet() <= 2) {
            return "451 4.7.1 <" + address + ">: Recipient address rejected: Greylisted, try again later";
        }
        return null;
    }

    private void relay(Socket client) {
        try (client;
                Socket server = new Socket(backendHost, backendPort)) {
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            OutputStream toClient = client.getOutputStream();
            InputStream fromServer = new BufferedInputStream(server.getInputStream());
            OutputStream toServer = server.getOutputStream();
            Object lock = new Object();
            boolean[] data = {false};
            Thread replies = new Thread(
                    () -> {
                        try {
                            for (byte[] line = line(fromServer); line != null; line = line(fromServer)) {
                                synchronized (lock) {
                                    if (new String(line, StandardCharsets.ISO_8859_1).startsWith("354")) {
                                        data[0] = true;
                                    }
                                    toClient.write(line);
                                    toClient.flush();
                                }
                            }
                        } catch (IOException e) {
                            // the connection ended
                        } finally {
                            try {
                                client.close();
                            } catch (IOException e) {
                                // already closed
                            }
                        }
                    },
                    "smtp-front-replies");
            replies.setDaemon(true);
            replies.start();
            for (byte[] line = line(fromClient); line != null; line = line(fromClient)) {
                String text = new String(line, StandardCharsets.ISO_8859_1).strip();
                synchronized (lock) {
                    if (data[0]) {
                        data[0] = !text.equals(".");
                    } else {
                        Matcher rcpt = RCPT.matcher(text);
                        String refusal = rcpt.matches() ? refusal(rcpt.group(1)) : null;
                        if (refusal != null) {
                            toClient.write((refusal + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                            toClient.flush();
                            continue;
                        }
                    }
                }
                toServer.write(line);
                toServer.flush();
            }
        } catch (IOException e) {
            // a connection that ends mid-way ends here; the server discards what it got
        }
    }

    /** One line, its CRLF included, or null at the end of the stream. */
    private static byte[] line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b = in.read(); b != -1; b = in.read()) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
