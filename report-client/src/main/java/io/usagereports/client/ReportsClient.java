package io.usagereports.client;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/** Entry point for plain Java programs: {@code ReportsApi api = ReportsClient.connect(URI.create("http://localhost:9080/api/2"));} */
public final class ReportsClient {

    private ReportsClient() {
    }

    /**
     * A client of the API at {@code baseUrl} (ending in {@code /api/2}). The returned proxy is
     * thread-safe; close it with {@code ((AutoCloseable) api).close()} when done.
     */
    public static ReportsApi connect(URI baseUrl) {
        return RestClientBuilder.newBuilder()
                .baseUri(baseUrl)
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS)
                .build(ReportsApi.class);
    }
}
