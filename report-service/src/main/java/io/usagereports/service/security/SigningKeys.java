package io.usagereports.service.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RSA keys that sign and verify tokens. A key configured in {@code REPORTS_JWT_PRIVATE_KEY}
 * (PKCS#8 PEM) signs if present; otherwise the oldest key in the database does, and the first
 * server to start on an empty database generates one there. Every key in the database verifies,
 * so every server sharing the database accepts every server's tokens, across restarts.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    @Inject
    @ConfigProperty(name = "REPORTS_JWT_PRIVATE_KEY")
    Optional<String> configuredKey;

    @Inject
    SigningKeyRepository store;

    @Inject
    Clock clock;

    private volatile KeySet keys;

    private record KeySet(RSAKey signer, Map<String, RSAKey> byKid) {}

    public RSAKey signer() {
        return loaded().signer();
    }

    /** The key with this ID; a key unknown here is looked up again, since another server may have made it. */
    public Optional<RSAKey> verifier(String kid) {
        RSAKey key = loaded().byKid().get(kid);
        if (key == null) {
            key = reload().byKid().get(kid);
        }
        return Optional.ofNullable(key);
    }

    private KeySet loaded() {
        KeySet current = keys;
        return current != null ? current : reload();
    }

    private synchronized KeySet reload() {
        List<SigningKeyEntity> stored = store.all();
        if (stored.isEmpty() && configuredKey.filter(k -> !k.isBlank()).isEmpty()) {
            store.add(generate());
            stored = store.all();
        }
        Map<String, RSAKey> byKid = new LinkedHashMap<>();
        stored.forEach(k -> byKid.put(k.kid(), decode(k)));
        RSAKey signer = configuredKey
                .filter(k -> !k.isBlank())
                .map(SigningKeys::fromPem)
                .orElseGet(() -> byKid.values().iterator().next());
        byKid.put(signer.getKeyID(), signer);
        keys = new KeySet(signer, Map.copyOf(byKid));
        return keys;
    }

    private SigningKeyEntity generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = withThumbprint((RSAPublicKey) pair.getPublic(), (RSAPrivateCrtKey) pair.getPrivate());
            LOG.info(() -> "Generated token signing key " + key.getKeyID() + " (kept in the database)");
            Base64.Encoder b64 = Base64.getEncoder();
            return new SigningKeyEntity(
                    key.getKeyID(),
                    b64.encodeToString(pair.getPrivate().getEncoded()),
                    b64.encodeToString(pair.getPublic().getEncoded()),
                    clock.instant());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    private static RSAKey decode(SigningKeyEntity stored) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            Base64.Decoder b64 = Base64.getDecoder();
            RSAPublicKey pub =
                    (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(b64.decode(stored.publicKey())));
            RSAPrivateCrtKey priv =
                    (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(stored.privateKey())));
            return new RSAKey.Builder(pub).privateKey(priv).keyID(stored.kid()).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing key " + stored.kid() + " in the database is unreadable", e);
        }
    }

    /** An RSA private key in PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}); the public key is derived from it. */
    static RSAKey fromPem(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey priv = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            RSAPublicKey pub = (RSAPublicKey)
                    rsa.generatePublic(new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
            return withThumbprint(pub, priv);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("REPORTS_JWT_PRIVATE_KEY is not an RSA private key in PKCS#8 PEM", e);
        }
    }

    private static RSAKey withThumbprint(RSAPublicKey pub, RSAPrivateCrtKey priv) {
        try {
            return new RSAKey.Builder(pub)
                    .privateKey(priv)
                    .keyIDFromThumbprint()
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot compute a key thumbprint", e);
        }
    }
}
