package it.io.usagereports.web;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The configuration of {@link OutboxIT}'s own deployment, above the environment's: no SMTP
 * server, and a data folder of its own, as a newcomer's embedded setup has it.
 */
public final class OutboxConfig implements ConfigSource {

    /** The data folder of the outbox deployment; its outbox is {@code outbox/} inside. */
    static Path dataDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "usage-reports-outbox-it");
    }

    private static final Map<String, String> VALUES =
            Map.of("REPORTS_SMTP_HOST", "", "REPORTS_DATA_DIR", dataDir().toString());

    @Override
    public Set<String> getPropertyNames() {
        return VALUES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return VALUES.get(propertyName);
    }

    @Override
    public String getName() {
        return "outbox-it";
    }

    @Override
    public int getOrdinal() {
        return 1000;
    }
}
