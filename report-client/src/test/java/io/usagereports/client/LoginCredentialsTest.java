package io.usagereports.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.client.StubServer.Request;
import io.usagereports.model.directory.User;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Credentials#login}: HTTP Basic on every request, never a token. */
class LoginCredentialsTest {

    private StubServer server;
    private DirectoryApi directory;

    @BeforeEach
    void start() throws Exception {
        server = new StubServer();
        server.onJson("GET", "/api/2/users/me", 200, """
                {"id":"9d1b7a0e-3f4c-4b6a-8e2d-1c0f5a6b7c22","login":"alice"}""");
        directory = ReportsClient.directory(server.base(), Credentials.login("alice", "pässwörd:1"));
    }

    @AfterEach
    void stop() throws Exception {
        ((AutoCloseable) directory).close();
        server.close();
    }

    @Test
    void aLoginIsSentAsHttpBasicOnEveryRequestAndNoTokenIsFetched() {
        User first = directory.me();
        directory.me();

        assertThat(first.login()).isEqualTo("alice");
        String expected =
                "Basic " + Base64.getEncoder().encodeToString("alice:pässwörd:1".getBytes(StandardCharsets.UTF_8));
        assertThat(server.requests())
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.path()).isEqualTo("/api/2/users/me"))
                .extracting(Request::headers)
                .allSatisfy(h -> assertThat(h.get("Authorization")).containsExactly(expected));
    }
}
