package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Raw HTTP to the server under test, for what report-client cannot send (malformed bodies,
 * wrong media types, forged tokens). Typed calls go through a {@link Sandbox}.
 */
final class Api {

    static final String BASE = System.getProperty("reports.base.url", "http://localhost:9080/api/2");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Api() {}

    /** The server's root URL, outside the API ({@code http://localhost:9080}). */
    static String root() {
        return BASE.replaceFirst("/api/2$", "");
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request and keeps the body as bytes, undecoded (downloads). */
    static HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : BASE + path));
    }

    static HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    static HttpResponse<String> postJson(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static HttpResponse<String> putJson(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /**
     * Asserts the response is an error in the one shape of docs/api.md §1, on a single line, and
     * returns its {@code error} object.
     */
    static JsonObject assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body())
                .doesNotContain("\n")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        JsonObject error = json(response).getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo(code);
        assertThat(error.getString("domain")).isNotBlank();
        assertThat(error.getString("message")).isNotBlank();
        assertThat(error.get("details")).isInstanceOf(JsonObject.class);
        return error;
    }
}
