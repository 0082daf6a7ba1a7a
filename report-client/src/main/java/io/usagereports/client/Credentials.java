package io.usagereports.client;

import io.usagereports.model.directory.Token;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * How a client proves who it is. {@link #client} credentials are exchanged for bearer tokens,
 * renewed a minute before they expire and shared by every proxy built with the same credentials;
 * {@link #login} credentials go as HTTP Basic, which the server accepts only on
 * {@code GET /users/me} and {@code POST /clients}.
 */
public abstract class Credentials {

    private Credentials() {}

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

    /**
     * An API client's credentials. Every proxy built with the same instance shares its tokens (one
     * per server base URL), so a program that builds many proxies asks the server for a token once,
     * and again only when it is about to expire.
     */
    private static final class ClientSecret extends Credentials {
        private final String header;
        private final Map<URI, BearerTokens> tokens = new ConcurrentHashMap<>();

        ClientSecret(String clientId, String secret) {
            this.header = basic(clientId, secret);
        }

        @Override
        ClientRequestFilter filter(URI baseUrl) {
            return tokens.computeIfAbsent(
                    baseUrl,
                    url -> new BearerTokens(
                            () -> ReportsClient.build(url, TokenApi.class, null), header, Clock.systemUTC()));
        }
    }

    /** Adds a bearer token to each request, fetching a new one when the current one is about to expire. */
    static final class BearerTokens implements ClientRequestFilter {
        static final long RENEW_BEFORE_SECONDS = 60;

        private final Supplier<TokenApi> endpoint;
        private final String basicHeader;
        private final Clock clock;
        private TokenApi tokens;
        private Token current;

        BearerTokens(Supplier<TokenApi> endpoint, String basicHeader, Clock clock) {
            this.endpoint = endpoint;
            this.basicHeader = basicHeader;
            this.clock = clock;
        }

        @Override
        public void filter(ClientRequestContext request) {
            String token;
            try {
                token = token();
            } catch (ApiErrorException e) {
                // The token endpoint refused (a wrong secret, an overloaded server): the call ends with
                // that answer, which the proxy's mapper throws as it is, instead of a wrapped exception.
                request.abortWith(Response.status(e.status())
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(e.error())
                        .build());
                return;
            }
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }

        synchronized String token() {
            Instant renewAt = current == null
                    ? Instant.MIN
                    : Instant.ofEpochSecond(current.expiresOn()).minusSeconds(RENEW_BEFORE_SECONDS);
            if (!clock.instant().isBefore(renewAt)) {
                if (tokens == null) {
                    tokens = endpoint.get();
                }
                current = tokens.token(basicHeader, "client_credentials");
            }
            return current.accessToken();
        }
    }
}
