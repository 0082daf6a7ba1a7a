package io.usagereports.client;

import io.usagereports.model.directory.Token;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * How a client proves who it is. {@link #client} credentials are exchanged for bearer tokens,
 * renewed a minute before they expire; {@link #login} credentials go as HTTP Basic, which the
 * server accepts only on {@code GET /users/me} and {@code POST /clients}.
 */
public abstract class Credentials {

    private Credentials() {
    }

    /** An API client's ID and secret, as {@code POST /clients} returned them. */
    public static Credentials client(String clientId, String clientSecret) {
        return new ClientSecret(clientId, clientSecret);
    }

    /** A user's login and password. */
    public static Credentials login(String login, String password) {
        return new Login(login, password);
    }

    abstract ClientRequestFilter filter(URI baseUrl);

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static final class Login extends Credentials {
        private final String header;

        Login(String login, String password) {
            this.header = basic(login, password);
        }

        @Override
        ClientRequestFilter filter(URI baseUrl) {
            return request -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, header);
        }
    }

    private static final class ClientSecret extends Credentials {
        private final String header;

        ClientSecret(String clientId, String secret) {
            this.header = basic(clientId, secret);
        }

        @Override
        ClientRequestFilter filter(URI baseUrl) {
            return new BearerTokens(ReportsClient.build(baseUrl, TokenApi.class, null), header);
        }
    }

    /** Adds a bearer token to each request, fetching a new one when the current one is about to expire. */
    private static final class BearerTokens implements ClientRequestFilter {
        private static final long RENEW_BEFORE_SECONDS = 60;

        private final TokenApi tokens;
        private final String basicHeader;
        private final Clock clock = Clock.systemUTC();
        private Token current;

        BearerTokens(TokenApi tokens, String basicHeader) {
            this.tokens = tokens;
            this.basicHeader = basicHeader;
        }

        @Override
        public void filter(ClientRequestContext request) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token());
        }

        private synchronized String token() {
            Instant renewAt = current == null ? Instant.MIN
                    : Instant.ofEpochSecond(current.expiresOn()).minusSeconds(RENEW_BEFORE_SECONDS);
            if (!clock.instant().isBefore(renewAt)) {
                current = tokens.token(basicHeader, "client_credentials");
            }
            return current.accessToken();
        }
    }
}
