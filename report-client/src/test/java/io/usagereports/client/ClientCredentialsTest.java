package io.usagereports.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.usagereports.client.StubServer.Answer;
import io.usagereports.client.StubServer.Request;
import io.usagereports.model.common.ErrorCodes;
import io.usagereports.model.directory.Tenant;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Credentials#client}: bearer tokens fetched with the client's secret, shared and renewed. */
class ClientCredentialsTest {

    private static final String TOKEN_PATH = "/api/2/idp/token";
    private static final UUID TENANT = UUID.fromString("5a0c3c53-6a7e-4e0b-8f5d-2c9f0d7b6a11");
    private static final String TENANT_PATH = "/api/2/tenants/" + TENANT;
    private static final String TENANT_JSON = """
            {"id":"5a0c3c53-6a7e-4e0b-8f5d-2c9f0d7b6a11","version":1,"name":"Acme","kind":"customer",\
            "parent_id":"00000000-0000-0000-0000-000000000001"}""";
    private static final String CLIENT_BASIC =
            "Basic " + Base64.getEncoder().encodeToString("client-1:s3cr3t".getBytes(StandardCharsets.UTF_8));

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private StubServer server;
    private Credentials credentials;

    @BeforeEach
    void start() throws Exception {
        server = open(new StubServer());
        server.onJson("GET", TENANT_PATH, 200, TENANT_JSON);
        credentials = Credentials.client("client-1", "s3cr3t");
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void theFirstCallFetchesATokenWithTheClientsSecretAndSendsItAsBearer() {
        server.on("POST", TOKEN_PATH, token("t1", Instant.now().plusSeconds(3600)));
        DirectoryApi directory = directory(server);

        Tenant tenant = directory.getTenant(TENANT);

        assertThat(tenant.name()).isEqualTo("Acme");
        assertThat(server.requests()).extracting(Request::path).containsExactly(TOKEN_PATH, TENANT_PATH);
        Request tokenRequest = server.requests().get(0);
        assertThat(tokenRequest.method()).isEqualTo("POST");
        assertThat(tokenRequest.header("Authorization")).isEqualTo(CLIENT_BASIC);
        assertThat(tokenRequest.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(tokenRequest.body()).isEqualTo("grant_type=client_credentials");
        assertThat(server.requests().get(1).header("Authorization")).isEqualTo("Bearer t1");
    }

    @Test
    void furtherCallsAndOtherProxiesWithTheSameCredentialsReuseTheToken() throws Exception {
        server.on("POST", TOKEN_PATH, token("t1", Instant.now().plusSeconds(3600)));
        DirectoryApi first = directory(server);
        first.getTenant(TENANT);
        first.getTenant(TENANT);
        first.getTenant(TENANT);
        ((AutoCloseable) first).close();

        DirectoryApi second = directory(server);
        second.getTenant(TENANT);

        assertThat(server.requests("POST", TOKEN_PATH)).hasSize(1);
        assertThat(server.requests("GET", TENANT_PATH))
                .hasSize(4)
                .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer t1"));
    }

    @Test
    void aTokenExpiringWithinAMinuteIsRenewedBeforeTheNextCall() {
        server.on(
                "POST",
                TOKEN_PATH,
                token("t1", Instant.now().plusSeconds(30)),
                token("t2", Instant.now().plusSeconds(3600)));
        DirectoryApi directory = directory(server);

        directory.getTenant(TENANT);
        directory.getTenant(TENANT);
        directory.getTenant(TENANT);

        assertThat(server.requests())
                .extracting(Request::path)
                .containsExactly(TOKEN_PATH, TENANT_PATH, TOKEN_PATH, TENANT_PATH, TENANT_PATH);
        assertThat(server.requests("GET", TENANT_PATH))
                .extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer t1", "Bearer t2", "Bearer t2");
    }

    @Test
    void aTokenOfOneServerIsNeverSentToAnother() throws Exception {
        StubServer other = open(new StubServer());
        other.onJson("GET", TENANT_PATH, 200, TENANT_JSON);
        server.on("POST", TOKEN_PATH, token("from-first", Instant.now().plusSeconds(3600)));
        other.on("POST", TOKEN_PATH, token("from-other", Instant.now().plusSeconds(3600)));

        directory(server).getTenant(TENANT);
        directory(other).getTenant(TENANT);

        assertThat(server.requests("GET", TENANT_PATH))
                .singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer from-first"));
        assertThat(other.requests("GET", TENANT_PATH))
                .singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer from-other"));
    }

    @Test
    void aRejectedSecretIsThrownAsApiErrorExceptionAndTheCallIsNotSent() {
        server.on("POST", TOKEN_PATH, new Answer(401, StubServer.JSON, """
                {"error":{"code":"unauthorized","domain":"Directory","message":"Wrong client ID or secret.",\
                "details":{}}}"""));
        DirectoryApi directory = directory(server);

        ApiErrorException e = catchThrowableOfType(ApiErrorException.class, () -> directory.getTenant(TENANT));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.code()).isEqualTo(ErrorCodes.UNAUTHORIZED);
        assertThat(server.requests("GET", TENANT_PATH)).isEmpty();
    }

    @Test
    void aCallAfterAFailedTokenRequestAsksForATokenAgain() {
        server.on(
                "POST",
                TOKEN_PATH,
                new Answer(503, "text/plain", "try later"),
                token("t1", Instant.now().plusSeconds(3600)));
        DirectoryApi directory = directory(server);
        assertThat(catchThrowable(() -> directory.getTenant(TENANT))).isNotNull();

        directory.getTenant(TENANT);

        assertThat(server.requests("POST", TOKEN_PATH)).hasSize(2);
        assertThat(server.requests("GET", TENANT_PATH))
                .singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer t1"));
    }

    private DirectoryApi directory(StubServer on) {
        DirectoryApi api = ReportsClient.directory(on.base(), credentials);
        toClose.add((AutoCloseable) api);
        return api;
    }

    private StubServer open(StubServer stub) {
        toClose.add(stub);
        return stub;
    }

    static Answer token(String accessToken, Instant expiresOn) {
        return new Answer(
                200,
                StubServer.JSON,
                "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"bearer\"," + "\"expires_on\":"
                        + expiresOn.getEpochSecond() + ",\"scope\":\"reports:write directory:read\"}");
    }
}
