package io.usagereports.service.access;

import static io.usagereports.model.common.ErrorCodes.TOO_MANY_ATTEMPTS;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits failed sign-ins (docs/api.md §2), before any secret is hashed: a caller over a limit is
 * refused with {@code 429 too_many_attempts} and costs no PBKDF2. Two limits, each over a sliding
 * window of {@code REPORTS_LOGIN_WINDOW_SECONDS} (300):
 *
 * <ul>
 *   <li>{@code REPORTS_LOGIN_MAX_FAILURES} (10) per credential (a login, or an API client ID) and
 *       source address together: an attacker locks the credential out for their own address only,
 *       and its owner still signs in from theirs;
 *   <li>{@code REPORTS_LOGIN_MAX_FAILURES_PER_ADDRESS} (100) per source address, whatever the
 *       credential: one address spraying many logins.
 * </ul>
 *
 * <p>An attempt is counted as a failure when it starts, so that concurrent attempts cannot all
 * slip under the limit, and taken back if it succeeds; a success also forgets the failures of its
 * credential from its address, and nothing else (not other addresses', not its address's count).
 * Refused attempts are not counted: the lock lifts once the oldest counted failure leaves the
 * window. An IPv6 address counts by its /64 prefix, which one subscriber usually holds whole.
 *
 * <p>The counts live in this server's memory: N servers behind a load balancer allow N times the
 * attempts, and a restart forgets them. Memory is bounded: at most {@link #MAX_KEYS} keys per
 * limit are kept; past that, under a flood of distinct addresses, the oldest state is dropped.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    /** Keys kept per limit before state is forgotten; a key costs about a hundred bytes per failure. */
    static final int MAX_KEYS = 100_000;

    private static final int SWEEP_AT = 10_000;
    /** Longer names can never sign in: they all share one key. */
    private static final int MAX_NAME = 64;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "REPORTS_LOGIN_MAX_FAILURES", defaultValue = "10")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "REPORTS_LOGIN_MAX_FAILURES_PER_ADDRESS", defaultValue = "100")
    int maxFailuresPerAddress;

    @Inject
    @ConfigProperty(name = "REPORTS_LOGIN_WINDOW_SECONDS", defaultValue = "300")
    long windowSeconds;

    private final Counts byCredential = new Counts();
    private final Counts byAddress = new Counts();

    /** How many keys have failures counted, per credential and address and per address (for tests). */
    int[] trackedKeys() {
        return new int[] {byCredential.size(), byAddress.size()};
    }

    /** An attempt in progress: a counted failure until it is known to have succeeded. */
    public interface Attempt {

        /** The secret was right: the attempt is not a failure, and this credential's failures from this address go. */
        void succeeded();

        /** The attempt could not be decided (the database failed, say): it is not counted either way. */
        void abandoned();
    }

    /** The key of a user's login. */
    public static String login(String login) {
        String name = login == null ? "" : login;
        return "login:" + (name.length() > MAX_NAME ? "\u0000too-long" : name);
    }

    /**
     * The key of an API client ID: a UUID in any case names one client, so it counts as one; a
     * client ID that is not a UUID can never sign in, and all such share one key.
     */
    public static String client(String clientId) {
        try {
            return "client:" + UUID.fromString(clientId).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            return "client:\u0000not-a-uuid";
        }
    }

    /**
     * Starts an attempt of {@code credential} (see {@link #login}, {@link #client}) from
     * {@code address}, or refuses it with {@code 429 too_many_attempts} if either limit is reached.
     */
    public Attempt begin(String credential, String address) {
        long now = clock.millis();
        long window = windowSeconds * 1000;
        String from = addressKey(address);
        String key = credential + "@" + from;
        long wait = byCredential.tryCount(key, now, window, maxFailures);
        if (wait > 0) {
            throw tooMany(wait);
        }
        if (wait < 0) {
            LOG.info(() -> "Failed sign-ins of one " + credential.substring(0, credential.indexOf(':'))
                    + " from " + from + " reached " + maxFailures + ": further ones from there are refused for up to "
                    + windowSeconds + " s");
        }
        wait = byAddress.tryCount(from, now, window, maxFailuresPerAddress);
        if (wait > 0) {
            byCredential.uncount(key, now);
            throw tooMany(wait);
        }
        if (wait < 0) {
            LOG.warning(() -> "Failed sign-ins from " + from + " reached " + maxFailuresPerAddress
                    + ": every sign-in from there is refused for up to " + windowSeconds + " s");
        }
        return new Attempt() {
            @Override
            public void succeeded() {
                byCredential.forget(key);
                byAddress.uncount(from, now);
            }

            @Override
            public void abandoned() {
                byCredential.uncount(key, now);
                byAddress.uncount(from, now);
            }
        };
    }

    /**
     * The address a limit counts by: an IPv4 address as it is, an IPv6 address by its first 64
     * bits. Anything that is not an IP literal counts as written.
     */
    static String addressKey(String address) {
        if (address == null || address.isEmpty()) {
            return "unknown";
        }
        char first = address.charAt(0);
        boolean ipv6 = address.indexOf(':') >= 0 && (first == ':' || first == '[' || Character.digit(first, 16) >= 0);
        if (!ipv6) {
            return address.toLowerCase(Locale.ROOT);
        }
        try {
            // A string with ':' that starts like an IPv6 literal is parsed, never looked up by name.
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                StringBuilder prefix = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                            .append(':');
                }
                return prefix.append(":/64").toString();
            }
            return parsed.getHostAddress(); // an IPv4-mapped IPv6 address
        } catch (UnknownHostException e) {
            return address.toLowerCase(Locale.ROOT);
        }
    }

    private static ServiceException tooMany(long waitMillis) {
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        return new ServiceException(
                Kind.TOO_MANY_ATTEMPTS,
                ErrorDomains.AUTH,
                TOO_MANY_ATTEMPTS,
                "Too many failed sign-ins from your address; try again in " + seconds + " seconds.",
                null,
                "Wait for Retry-After seconds, then sign in with the right credentials.",
                Map.of("retry_after", seconds));
    }

    /** Failure times per key, each key's kept in order and only as many as its limit. */
    private static final class Counts {
        private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
        private volatile int sweepAt = SWEEP_AT;
        private volatile long lastSweep;

        /**
         * Counts a failure now and answers 0, or -1 if this failure reached the limit; or, counting
         * nothing, answers in how many milliseconds the limit lifts. Keys whose failures all
         * expired are swept out once per window, or sooner if many pile up.
         */
        long tryCount(String key, long now, long window, int limit) {
            long[] wait = {0};
            windows.compute(key, (k, w) -> {
                Window counted = w == null ? new Window(limit) : w;
                wait[0] = counted.tryAdd(now, window, limit);
                if (wait[0] == 0 && counted.size >= limit) {
                    wait[0] = -1;
                }
                return counted.isEmpty() ? null : counted;
            });
            if (windows.size() > sweepAt || now - lastSweep >= window) {
                sweep(now, window);
            }
            return wait[0];
        }

        void uncount(String key, long at) {
            windows.computeIfPresent(key, (k, w) -> w.remove(at) ? null : w);
        }

        void forget(String key) {
            windows.remove(key);
        }

        private synchronized void sweep(long now, long window) {
            if (windows.size() <= sweepAt && now - lastSweep < window) {
                return; // another thread swept
            }
            lastSweep = now;
            for (String key : windows.keySet()) {
                windows.computeIfPresent(key, (k, w) -> w.expire(now, window) ? null : w);
            }
            if (windows.size() > MAX_KEYS) {
                LOG.warning(() -> "Forgetting the failed sign-ins of " + windows.size() + " keys: more than " + MAX_KEYS
                        + " are failing at once");
                windows.clear();
            }
            sweepAt = Math.max(SWEEP_AT, 2 * windows.size());
        }

        int size() {
            return windows.size();
        }
    }

    /** The latest failures of one key, oldest first, at most its limit. Guarded by its map's compute. */
    private static final class Window {
        private long[] times;
        private int size;

        Window(int limit) {
            times = new long[Math.max(1, Math.min(limit, 16))];
        }

        long tryAdd(long now, long window, int atMost) {
            int limit = Math.max(1, atMost);
            expire(now, window);
            if (size >= limit) {
                return times[size - limit] + window - now;
            }
            if (size == times.length) {
                long[] grown = new long[Math.min(limit, times.length * 2)];
                System.arraycopy(times, 0, grown, 0, size);
                times = grown;
            }
            times[size++] = now;
            return 0;
        }

        /** Drops failures older than the window; true if none is left. */
        boolean expire(long now, long window) {
            int old = 0;
            while (old < size && times[old] + window <= now) {
                old++;
            }
            if (old > 0) {
                System.arraycopy(times, old, times, 0, size - old);
                size -= old;
            }
            return size == 0;
        }

        /** Takes back the failure counted at {@code at}; true if none is left. */
        boolean remove(long at) {
            for (int i = size - 1; i >= 0; i--) {
                if (times[i] == at) {
                    System.arraycopy(times, i + 1, times, i, size - i - 1);
                    size--;
                    break;
                }
            }
            return size == 0;
        }

        boolean isEmpty() {
            return size == 0;
        }
    }
}
