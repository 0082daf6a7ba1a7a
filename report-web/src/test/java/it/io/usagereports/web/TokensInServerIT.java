package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.usagereports.model.directory.ApiClient;
import io.usagereports.service.access.TokenService;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.directory.ApiClientService;
import io.usagereports.service.directory.UserService;
import io.usagereports.service.security.Actor;
import io.usagereports.service.security.SigningKeys;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tokens inside the server, where the signing key is at hand: an expired token signed with the
 * server's own key is refused, and the key lives in the database, shared by every server.
 */
@ExtendWith(ArquillianExtension.class)
class TokensInServerIT {

    @Deployment
    static WebArchive deployment() {
        return InServer.deployment("tokens-it", TokensInServerIT.class);
    }

    @Inject
    TokenService tokens;

    @Inject
    SigningKeys keys;

    @Inject
    UserService users;

    @Inject
    ApiClientService clients;

    @Resource(lookup = "jdbc/reports")
    DataSource dataSource;

    /** A token like the server's own for the bootstrap administrator, valid until {@code expires}. */
    private String token(Instant expires) throws Exception {
        Actor admin = users.authenticate("admin", System.getenv("REPORTS_ADMIN_PASSWORD"))
                .orElseThrow();
        Actor.Grant root = admin.grants().get(0);
        // A token names a client that must exist (a deleted client's tokens are refused).
        UUID client = clients.create(admin, ApiClient.forTenant(root.tenantId(), "tokens-it"))
                .clientId();
        RSAKey key = keys.signer();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder()
                        .issuer("usage-reports")
                        .subject(client.toString())
                        .issueTime(Date.from(expires.minusSeconds(7200)))
                        .expirationTime(Date.from(expires))
                        .claim("uid", admin.userId().toString())
                        .claim("tid", root.tenantId().toString())
                        .claim("tpath", root.tenantPath())
                        .claim("scope", "urn:acronis.com::account-server::root_admin")
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void aCurrentTokenOfTheServersKeyIsAcceptedWithThePlatformsScopeSpelling() throws Exception {
        Actor actor = tokens.verify(token(Instant.now().plusSeconds(600)));

        assertThat(actor.writesAnywhere()).isTrue();
        assertThat(actor.grants()).hasSize(1);
    }

    @Test
    void anExpiredTokenOfTheServersKeyIsRefused() throws Exception {
        String expired = token(Instant.now().minusSeconds(5));

        assertThatThrownBy(() -> tokens.verify(expired))
                .isInstanceOf(ServiceException.class)
                .hasFieldOrPropertyWithValue("kind", ServiceException.Kind.UNAUTHENTICATED)
                .hasMessageContaining("expired");

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + System.getenv("REPORTS_HTTP_PORT") + "/api/2/reports"))
                                .header("Authorization", "Bearer " + expired)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":\"unauthorized\"").contains("expired");
    }

    @Test
    void theSigningKeyIsKeptInTheDatabase() throws Exception {
        List<String> kids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT kid FROM signing_key")) {
            while (rows.next()) {
                kids.add(rows.getString(1));
            }
        }
        assertThat(kids).contains(keys.signer().getKeyID());
    }
}
