package io.usagereports.service.common;

import java.io.IOException;
import java.net.InetAddress;
import java.util.UUID;

/**
 * Names this server process in the claims it makes ({@code claimed_by} of runs and deliveries),
 * for operators reading those tables: host, server name ({@code wlp.server.name}, set by the
 * application server, or {@code REPORTS_INSTANCE_NAME}) and a random part that tells restarts apart.
 */
public final class ServerInstance {

    /** E.g. {@code reports-1.example.com/reports/3f9a2c1e}. */
    public static final String NAME =
            host() + "/" + server() + "/" + UUID.randomUUID().toString().substring(0, 8);

    private ServerInstance() {}

    private static String server() {
        String name = System.getenv("REPORTS_INSTANCE_NAME");
        return name != null && !name.isBlank() ? name : System.getProperty("wlp.server.name", "server");
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
