package io.usagereports.client;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Entry point for plain Java programs:
 * <pre>{@code
 * URI base = URI.create("http://localhost:9080/api/2");
 * ReportsApi reports = ReportsClient.reports(base, Credentials.client(clientId, clientSecret));
 * }</pre>
 * The proxies are thread-safe; close them with {@code ((AutoCloseable) api).close()} when done.
 */
public final class ReportsClient {

    private ReportsClient() {}

    /** The report endpoints, authenticated with {@code credentials}. */
    public static ReportsApi reports(URI baseUrl, Credentials credentials) {
        return build(baseUrl, ReportsApi.class, credentials);
    }

    /** The directory endpoints, authenticated with {@code credentials}. */
    public static DirectoryApi directory(URI baseUrl, Credentials credentials) {
        return build(baseUrl, DirectoryApi.class, credentials);
    }

    /** The usage endpoints (ingestion, offering items, current usage), authenticated with {@code credentials}. */
    public static UsageApi usage(URI baseUrl, Credentials credentials) {
        return build(baseUrl, UsageApi.class, credentials);
    }

    /** The token endpoint itself, for callers who manage tokens on their own. */
    public static TokenApi tokens(URI baseUrl) {
        return build(baseUrl, TokenApi.class, null);
    }

    static <T> T build(URI baseUrl, Class<T> api, Credentials credentials) {
        RestClientBuilder builder = RestClientBuilder.newBuilder()
                .baseUri(baseUrl)
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS);
        if (credentials != null) {
            builder.register(credentials.filter(baseUrl));
        }
        return builder.build(api);
    }
}
