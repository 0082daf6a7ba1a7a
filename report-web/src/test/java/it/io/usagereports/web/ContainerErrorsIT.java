package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requests the servlet container or the JAX-RS runtime refuse before the API sees them get the
 * one error shape of docs/api.md §1 too: a 4xx, JSON, never an HTML page or a stack trace. Sent
 * over a plain socket, byte for byte as written (HTTP clients normalize or refuse such paths).
 */
class ContainerErrorsIT {

    private static final Sandbox SANDBOX = Sandbox.create();

    private static String bearer() {
        return "Authorization: Bearer " + SANDBOX.token();
    }

    /** Asserts a 4xx in the one error shape, JSON on one line, with the security headers; returns the error. */
    private static JsonObject assertError(RawHttp.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type"))
                .as(answer.toString())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(answer.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.header("Cache-Control")).hasValue("no-store");
        assertThat(answer.body())
                .doesNotContain("\n")
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("<");
        JsonObject error = answer.json().getJsonObject("error");
        assertThat(error.getString("code")).as(answer.toString()).isEqualTo(code);
        assertThat(error.getString("domain")).isEqualTo("Api");
        assertThat(error.getString("message")).isNotBlank();
        assertThat(error.get("details")).isInstanceOf(JsonObject.class);
        return error;
    }

    @Test
    void anEncodedSlashDotBackslashOrHashInAPathIs400InvalidPath() {
        for (String segment :
                List.of("%2e", "%2E%2E", "a%2fb", "a%2Fb", "a%5cb", "a%5Cb", "a%23b", "%2e%2e%2f%2e%2e")) {
            JsonObject error = assertError(RawHttp.get("/api/2/reports/" + segment, bearer()), 400, "invalid_path");
            assertThat(error.getString("message")).contains("encoded");
        }
        assertError(RawHttp.get("/api/2/tenants/x%2F..%2Fy/reports", bearer()), 400, "invalid_path");
        assertError(RawHttp.get("/no-such-page%2e", bearer()), 400, "invalid_path");
    }

    @Test
    void aPathThatIsNotUtf8Is400InvalidPath() {
        for (String segment : List.of("%ff%fe", "%c0%ae", "%e2%82", "%ed%a0%80")) {
            JsonObject error = assertError(RawHttp.get("/api/2/reports/" + segment, bearer()), 400, "invalid_path");
            assertThat(error.getString("message")).contains("UTF-8");
        }
    }

    @Test
    void anEmptyOrMalformedContentTypeIs415() {
        for (String contentType :
                List.of("Content-Type:", "Content-Type: ", "Content-Type: ;;", "Content-Type: json")) {
            JsonObject error = assertError(
                    RawHttp.send("POST", "/api/2/reports", List.of(bearer(), contentType), "{}"),
                    415,
                    "unsupported_media_type");
            assertThat(error.getJsonObject("details").getString("info")).contains("application/json");
        }
    }

    @Test
    void aMalformedAcceptIs400NamingTheHeader() {
        for (String accept : List.of("Accept: ;;", "Accept: text")) {
            JsonObject error = assertError(RawHttp.get("/api/2/reports", bearer(), accept), 400, "invalid_value");
            assertThat(error.getJsonObject("details").getString("field")).isEqualTo("Accept");
        }
    }

    @Test
    void aBearerTokenOf64KiBReachesTheApiAndIs401() {
        RawHttp.Answer answer = RawHttp.get("/api/2/reports", "Authorization: Bearer " + "a".repeat(64 * 1024));
        JsonObject error = answer.json().getJsonObject("error");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(answer.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(error.getString("code")).isEqualTo("unauthorized");
        assertThat(error.getString("domain")).isEqualTo("Auth");

        RawHttp.Answer large = RawHttp.get("/api/2/reports", bearer(), "X-Padding: " + "p".repeat(120 * 1024));
        assertThat(large.status()).as(large.toString()).isEqualTo(200);
    }

    /**
     * The limits of the HTTP edge (README): what Liberty refuses before any application runs
     * cannot be given the error shape. It is still a 400 without a stack trace, and never sniffed.
     */
    @Test
    void whatTheContainerRefusesBeforeAnyApplicationIsA400WithoutStackTrace() {
        RawHttp.Answer tooLarge = RawHttp.get("/api/2/reports", "Authorization: Bearer " + "a".repeat(129 * 1024));
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(400);
        assertThat(tooLarge.body()).isEmpty();
        assertThat(tooLarge.header("X-Content-Type-Options")).hasValue("nosniff");

        for (String path : List.of(
                "/api/2/reports/%zz",
                "/api/2/reports/%00", "/api/2/reports/%0a", "/api/2/reports/%", "/%2e%2e/%2e%2e/x")) {
            RawHttp.Answer answer = RawHttp.get(path, bearer());
            assertThat(answer.status()).as(path + ": " + answer).isEqualTo(400);
            assertThat(answer.body())
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ")
                    .doesNotContain(".java:");
            assertThat(answer.header("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    @Test
    void anErrorOutsideTheApiHasTheShapeToo() {
        assertError(RawHttp.get("/no-such-page"), 404, "not_found");
        assertError(RawHttp.get("/error-page"), 404, "not_found");
        assertError(RawHttp.send("DELETE", "/api/2/reports", List.of(bearer()), null), 405, "method_not_allowed");
    }
}
