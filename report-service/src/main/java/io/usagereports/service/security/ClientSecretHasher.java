package io.usagereports.service.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stores API client secrets as a keyed hash: {@code hmac-sha256$<key id>$<hash>}. A secret is 256
 * random bits made by the server ({@link PasswordHasher#newSecret}), so no guessing attack can
 * use the speed of the hash, and a token request is checked in microseconds rather than the half
 * second of a password's slow hash (which stays for passwords, people's choice). The key lives in
 * the database: the first server that needs one makes it, the oldest hashes new secrets, and each
 * hash names the key it was made with, so servers that made keys at once still agree.
 *
 * <p>Secrets stored by earlier versions as slow password hashes keep working:
 * {@link #matches} accepts them, and {@link #isCurrent} tells the caller to store the fast form.
 */
@ApplicationScoped
public class ClientSecretHasher {

    private static final Logger LOG = Logger.getLogger(ClientSecretHasher.class.getName());
    private static final String PREFIX = "hmac-sha256";
    private static final String ALGORITHM = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SecretHashKeyRepository store;

    @Inject
    Clock clock;

    private volatile KeySet keys;

    private record KeySet(String current, Map<String, byte[]> byKid) {}

    /** The stored form of a new secret. */
    public String hash(String secret) {
        KeySet set = loaded();
        return PREFIX + "$" + set.current() + "$" + mac(set.byKid().get(set.current()), secret);
    }

    /** Whether {@code secret} matches {@code stored} (either form); compares in constant time. */
    public boolean matches(String secret, String stored) {
        if (secret == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 3 || !parts[0].equals(PREFIX)) {
            return PasswordHasher.matches(secret, stored);
        }
        Optional<byte[]> key = key(parts[1]);
        return key.isPresent()
                && MessageDigest.isEqual(
                        parts[2].getBytes(StandardCharsets.US_ASCII),
                        mac(key.get(), secret).getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether {@code stored} is in the fast form; a slow one is replaced once its secret was proven. */
    public static boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(PREFIX + "$");
    }

    /**
     * Spends on an unknown client ID what a known one costs, so that the answer's timing does not
     * tell which client IDs exist.
     */
    public void matchNothing(String secret) {
        KeySet set = loaded();
        mac(set.byKid().get(set.current()), secret == null ? "" : secret);
    }

    private Optional<byte[]> key(String kid) {
        byte[] key = loaded().byKid().get(kid);
        if (key == null) {
            key = reload().byKid().get(kid); // another server may have made it since
        }
        return Optional.ofNullable(key);
    }

    private static String mac(byte[] key, String secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return Base64.getEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java 17 runtime", e);
        }
    }

    private KeySet loaded() {
        KeySet current = keys;
        return current != null ? current : reload();
    }

    private synchronized KeySet reload() {
        List<SecretHashKeyEntity> stored = store.all();
        if (stored.isEmpty()) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            String kid = UUID.randomUUID().toString();
            store.add(new SecretHashKeyEntity(kid, Base64.getEncoder().encodeToString(key), clock.instant()));
            LOG.info(() -> "Generated client secret hash key " + kid + " (kept in the database)");
            stored = store.all();
        }
        Map<String, byte[]> byKid = new LinkedHashMap<>();
        stored.forEach(k -> byKid.put(k.kid(), Base64.getDecoder().decode(k.keyValue())));
        keys = new KeySet(stored.get(0).kid(), Map.copyOf(byKid));
        return keys;
    }
}
