package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The security headers of README "Security headers": no answer of the API is stored by a cache,
 * none is sniffed into another type, and a downloaded HTML report may load nothing but its own
 * inline style sheet.
 */
class SecurityHeadersIT {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String HTML_REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'; sandbox";

    private static final Sandbox SANDBOX = Sandbox.create();

    private static void assertApiHeaders(HttpResponse<?> response) {
        HttpHeaders headers = response.headers();
        assertThat(headers.allValues("X-Content-Type-Options"))
                .as(response.uri().toString())
                .containsExactly("nosniff");
        assertThat(headers.firstValue("Cache-Control"))
                .as(response.uri().toString())
                .hasValueSatisfying(value -> assertThat(value.split(",\\s*")).contains("no-store"));
        assertThat(headers.firstValue("Content-Security-Policy")).hasValue(API_POLICY);
    }

    @Test
    void theTokenAnswerIsNeverStored() {
        HttpResponse<String> token = Api.send(Api.request("/idp/token")
                .header(
                        "Authorization",
                        Sandbox.basic(SANDBOX.client.clientId().toString(), SANDBOX.client.clientSecret()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertApiHeaders(token);
        assertThat(token.headers().firstValue("Pragma")).hasValue("no-cache");

        HttpResponse<String> refused = Api.send(Api.request("/idp/token")
                .header("Authorization", Sandbox.basic(SANDBOX.client.clientId().toString(), "wrong-secret"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertApiHeaders(refused);
    }

    @Test
    void everyAnswerOfTheApiIsNeverStoredNorSniffed() {
        String tenant = SANDBOX.newCustomer().toString();
        assertApiHeaders(SANDBOX.get("/reports?tenant_id=" + tenant));
        assertApiHeaders(SANDBOX.get("/tenants/" + tenant));
        assertApiHeaders(SANDBOX.get("/users/me"));
        assertApiHeaders(SANDBOX.get("/reports/" + UUID.randomUUID()));
        assertApiHeaders(SANDBOX.postJson("/reports", "{}"));
        assertApiHeaders(Api.get("/reports"));
        assertApiHeaders(Api.get(Api.root() + "/no-such-page"));
    }

    @Test
    void libertysOwnEndpointsAreNotSniffedEither() {
        assertThat(Api.get(Api.root() + "/openapi").headers().firstValue("X-Content-Type-Options"))
                .hasValue("nosniff");
        assertThat(Api.get(Api.root() + "/health").headers().firstValue("X-Content-Type-Options"))
                .hasValue("nosniff");
    }

    @Test
    void anHtmlReportMayLoadNothingButItsInlineStyles() throws InterruptedException {
        String tenant = SANDBOX.newCustomer().toString();
        JsonObject report = Api.json(SANDBOX.postJson(
                "/reports",
                "{\"result_action\":\"save\",\"schedule\":{\"type\":\"once\"},\"parameters\":{\"tenant_id\":\""
                        + tenant + "\",\"level\":\"itself\",\"kind\":\"usage_summary\",\"formats\":[\"html\",\"csv\"],"
                        + "\"period\":{\"start\":\"2017-05-01\",\"end\":\"2017-05-07\"}}}"));
        String reportId = report.getString("id");
        JsonObject html = awaitSaved(reportId, "html");
        JsonObject csv = awaitSaved(reportId, "csv");

        for (String encoding : new String[] {"gzip", "identity"}) {
            HttpResponse<byte[]> page =
                    Api.sendBytes(SANDBOX.request("/reports/" + reportId + "/stored/" + html.getString("id"))
                            .header("Accept-Encoding", encoding)
                            .GET());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(HTML_REPORT_POLICY);
            assertThat(page.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
            if (encoding.equals("identity")) {
                String text = new String(page.body(), StandardCharsets.UTF_8);
                assertThat(text)
                        .contains("<style>")
                        .doesNotContain("<script")
                        .doesNotContain("<img")
                        .doesNotContain("<link");
                assertThat(text)
                        .doesNotContain(" style=\"")
                        .doesNotContain("url(")
                        .doesNotContain("@import");
            }
        }
        HttpResponse<byte[]> file =
                Api.sendBytes(SANDBOX.request("/reports/" + reportId + "/stored/" + csv.getString("id"))
                        .GET());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Security-Policy")).hasValue(API_POLICY);
        assertThat(file.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    private static JsonObject awaitSaved(String reportId, String format) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            for (JsonObject item : Api.json(SANDBOX.get("/reports/" + reportId + "/stored"))
                    .getJsonArray("items")
                    .getValuesAs(JsonObject.class)) {
                if (item.getString("report_format").equals(format)
                        && item.getString("status").equals("saved")) {
                    return item;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The " + format + " report was not saved within 90 s");
    }
}
