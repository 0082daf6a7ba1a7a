package io.usagereports.service.directory;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The directory's read model for bearer tokens: whether the API client a token names still
 * exists, and the user who made it still exists and is enabled. Answers are cached per server for
 * {@code REPORTS_ACCESS_CHECK_SECONDS} (5): a client deleted, or a user deleted or disabled, has
 * its tokens refused at once on the server that made the change and within that many seconds on
 * every other server sharing the database. A token's request costs one map lookup; the database
 * is asked at most once per client and interval.
 */
@ApplicationScoped
public class ActiveClients {

    private static final int SWEEP_AT = 10_000;

    @Resource(lookup = "jdbc/reportsNonTx")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "REPORTS_ACCESS_CHECK_SECONDS", defaultValue = "5")
    long checkSeconds;

    /** A client as last read: its creator and whether the creator is enabled. */
    record ClientStatus(UUID userId, boolean userEnabled) {}

    private record Cached(Optional<ClientStatus> status, long readAt) {}

    private final ConcurrentHashMap<UUID, Cached> cache = new ConcurrentHashMap<>();

    /** Bumped by every revocation: a read that started before one must not be cached after it. */
    private final AtomicLong revocations = new AtomicLong();

    /** Whether the client exists, was made by {@code userId}, and that user exists and is enabled. */
    public boolean isActive(UUID clientId, UUID userId) {
        long now = clock.millis();
        Cached cached = cache.get(clientId);
        if (cached == null || now - cached.readAt() >= checkSeconds * 1000 || now < cached.readAt()) {
            long seen = revocations.get();
            cached = new Cached(read(clientId), now);
            if (revocations.get() == seen) {
                if (cache.size() >= SWEEP_AT) {
                    cache.clear(); // stale entries of clients no longer used; each costs one read to refill
                }
                cache.put(clientId, cached);
            }
        }
        return cached.status()
                .filter(s -> s.userId().equals(userId) && s.userEnabled())
                .isPresent();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccessChanged changed) {
        revocations.incrementAndGet();
        cache.clear();
    }

    /** The client's creator and whether it is enabled; empty if the client (and so its creator) is gone. */
    Optional<ClientStatus> read(UUID clientId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT u.id, u.enabled FROM api_client a"
                        + " JOIN app_user u ON u.id = a.created_by WHERE a.id = ?")) {
            s.setObject(1, clientId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new ClientStatus(rs.getObject(1, UUID.class), rs.getBoolean(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading API client " + clientId + " failed", e);
        }
    }
}
