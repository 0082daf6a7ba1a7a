package io.usagereports.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

    @Test
    void readsAConfiguredPkcs8PemKeyAndDerivesItsPublicHalf() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        var key = SigningKeys.fromPem(pem);

        assertThat(key.toRSAPublicKey()).isEqualTo(pair.getPublic());
        assertThat(key.getKeyID()).isNotBlank();
        assertThat(SigningKeys.fromPem(pem).getKeyID())
                .as("the key ID is the key's thumbprint")
                .isEqualTo(key.getKeyID());
    }

    @Test
    void refusesSomethingThatIsNotAnRsaPrivateKey() {
        assertThatThrownBy(() ->
                        SigningKeys.fromPem("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REPORTS_JWT_PRIVATE_KEY");
    }
}
