package it.io.usagereports.web;

import static it.io.usagereports.web.Api.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every way a request can be wrong gets the one error shape of docs/api.md §1, over raw HTTP,
 * because report-client cannot even send most of these requests.
 */
class ErrorShapeIT {

    private static final Sandbox SANDBOX = Sandbox.create();

    private static String validMonthly(String tenant) {
        return "{\"result_action\":\"save\",\"parameters\":{\"tenant_id\":\"" + tenant + "\",\"level\":\"itself\","
                + "\"kind\":\"usage_daily\"},\"schedule\":{\"type\":\"monthly\"}}";
    }

    private static JsonObject details(JsonObject error) {
        return error.getJsonObject("details");
    }

    @Test
    void malformedJsonIsRefusedWithItsPosition() {
        JsonObject error =
                assertError(SANDBOX.postJson("/reports", "{\"result_action\": \"save\",,}"), 400, "invalid_json");
        assertThat(error.getString("message")).contains("line 1");
        assertError(SANDBOX.postJson("/reports", ""), 400, "invalid_json");
        assertError(SANDBOX.postJson("/reports", "[1, 2]"), 400, "invalid_type");
        assertError(SANDBOX.postJson("/reports", "\"report\""), 400, "invalid_type");
    }

    @Test
    void wrongTypesUnknownFieldsBadEnumsAndDatesNameTheField() {
        String tenant = SANDBOX.newCustomer().toString();
        JsonObject type = assertError(
                SANDBOX.postJson("/reports", "{\"result_action\":\"save\",\"parameters\":[]}"), 400, "invalid_type");
        assertThat(details(type).getString("field")).isEqualTo("parameters");

        JsonObject unknown = assertError(
                SANDBOX.postJson("/reports", validMonthly(tenant).replace("\"level\"", "\"colour\":\"red\",\"level\"")),
                400,
                "unknown_field");
        assertThat(details(unknown).getString("field")).isEqualTo("parameters.colour");

        JsonObject badEnum = assertError(
                SANDBOX.postJson("/reports", validMonthly(tenant).replace("usage_daily", "usage_hourly")),
                400,
                "invalid_value");
        assertThat(details(badEnum).getString("field")).isEqualTo("parameters.kind");
        assertThat(badEnum.getString("message")).contains("usage_current, usage_summary, usage_daily, usage_breakdown");
        assertThat(badEnum.getString("domain")).isEqualTo("Reports");

        JsonObject badDate = assertError(
                SANDBOX.postJson(
                        "/reports",
                        "{\"result_action\":\"save\",\"parameters\":{"
                                + "\"tenant_id\":\"" + tenant
                                + "\",\"level\":\"itself\",\"kind\":\"usage_daily\",\"period\":{"
                                + "\"start\":\"2017-05-01\",\"end\":\"2017-13-01\"}},\"schedule\":{\"type\":\"once\"}}"),
                400,
                "invalid_value");
        assertThat(details(badDate).getString("field")).isEqualTo("parameters.period.end");

        JsonObject badBool = assertError(
                SANDBOX.postJson(
                        "/reports",
                        validMonthly(tenant)
                                .replace("\"type\":\"monthly\"", "\"type\":\"monthly\",\"enabled\":\"maybe\"")),
                400,
                "invalid_type");
        assertThat(details(badBool).getString("field")).isEqualTo("schedule.enabled");

        assertThat(Api.json(SANDBOX.get("/tenants/" + tenant + "/reports")).getJsonArray("items"))
                .as("nothing half-written")
                .isEmpty();
    }

    @Test
    void booleansMayBeSentAsStrings() {
        String body = validMonthly(SANDBOX.newCustomer().toString())
                .replace("\"type\":\"monthly\"", "\"type\":\"monthly\",\"enabled\":\"false\"")
                .replace("\"level\"", "\"hide_zero_usage\":\"true\",\"level\"");

        HttpResponse<String> response = SANDBOX.postJson("/reports", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject report = Api.json(response);
        assertThat(report.getJsonObject("schedule").getBoolean("enabled")).isFalse();
        assertThat(report.getJsonObject("parameters").getBoolean("hide_zero_usage"))
                .isTrue();
    }

    @Test
    void unknownPathsAnswer404EverywhereOnTheServer() {
        assertError(Api.get("/no-such-thing"), 404, "not_found");
        assertError(SANDBOX.get("/reports/" + UUID.randomUUID() + "/nothing"), 404, "not_found");
        assertError(SANDBOX.get("/reports/not-a-uuid"), 404, "not_found");
        assertError(Api.get(Api.root() + "/no-such-page"), 404, "not_found");
    }

    @Test
    void aWrongMethodAnswers405WithAllow() {
        HttpResponse<String> response = Api.send(SANDBOX.request("/reports")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json"));
        assertError(response, 405, "method_not_allowed");
        assertThat(response.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
        assertError(
                Api.send(SANDBOX.request("/reports/" + UUID.randomUUID() + "/revisions")
                        .DELETE()),
                405,
                "method_not_allowed");
    }

    @Test
    void aMissingOrWrongContentTypeAnswers415() {
        String body = validMonthly(SANDBOX.newCustomer().toString());
        assertError(
                Api.send(SANDBOX.request("/reports").POST(HttpRequest.BodyPublishers.ofString(body))),
                415,
                "unsupported_media_type");
        assertError(
                Api.send(SANDBOX.request("/reports")
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(body))),
                415,
                "unsupported_media_type");
        HttpResponse<String> withCharset = Api.send(SANDBOX.request("/reports")
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(withCharset.statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyOverOneMebibyteAnswers413WhetherDeclaredOrStreamed() {
        String tenant = SANDBOX.newCustomer().toString();
        String huge = validMonthly(tenant)
                .replace("\"result_action\"", "\"padding\":\"" + "x".repeat(1024 * 1024) + "\",\"result_action\"");
        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);

        assertError(SANDBOX.postJson("/reports", huge), 413, "payload_too_large");
        assertError(
                Api.send(SANDBOX.request("/reports")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))),
                413,
                "payload_too_large");
        assertThat(Api.json(SANDBOX.get("/tenants/" + tenant + "/reports")).getJsonArray("items"))
                .isEmpty();
    }

    @Test
    void badQueryAndHeaderValuesAnswer400NamingThem() {
        assertThat(details(assertError(SANDBOX.get("/reports?kind=usage_weekly"), 400, "invalid_value"))
                        .getString("field"))
                .isEqualTo("kind");
        assertThat(details(assertError(SANDBOX.get("/reports?tenant_id=42"), 400, "invalid_value"))
                        .getString("field"))
                .isEqualTo("tenant_id");
        assertThat(details(assertError(SANDBOX.get("/reports?limit=ten"), 400, "invalid_value"))
                        .getString("field"))
                .isEqualTo("limit");

        String id = Api.json(SANDBOX.postJson(
                        "/reports", validMonthly(SANDBOX.newCustomer().toString())))
                .getString("id");
        assertThat(details(assertError(
                                Api.send(SANDBOX.request("/reports/" + id).DELETE()), 400, "required_field"))
                        .getString("field"))
                .isEqualTo("version");
        assertError(Api.send(SANDBOX.request("/reports/" + id + "?version=abc").DELETE()), 400, "invalid_value");
        assertError(
                Api.send(SANDBOX.request("/reports/" + id)
                        .header("Content-Type", "application/json")
                        .header("If-Match", "W/\"1\"")
                        .PUT(HttpRequest.BodyPublishers.ofString("{}"))),
                400,
                "invalid_value");
    }

    @Test
    void updateBodiesAreStrictToo() {
        String id = Api.json(SANDBOX.postJson(
                        "/reports", validMonthly(SANDBOX.newCustomer().toString())))
                .getString("id");

        JsonObject notUpdatable = assertError(
                SANDBOX.putJson("/reports/" + id, "{\"parameters\":{\"tenant_id\":\"" + UUID.randomUUID() + "\"}}"),
                400,
                "field_not_updatable");
        assertThat(details(notUpdatable).getString("field")).isEqualTo("parameters.tenant_id");
        assertError(SANDBOX.putJson("/reports/" + id, "{\"result_action\":\"save\"}"), 400, "field_not_updatable");
        assertError(
                SANDBOX.putJson("/reports/" + id, "{\"schedule\":{\"type\":\"monthly\"}}"), 400, "field_not_updatable");
        assertError(SANDBOX.putJson("/reports/" + id, "{\"whatever\":1}"), 400, "unknown_field");

        HttpResponse<String> etagged = Api.send(SANDBOX.request("/reports/" + id)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"schedule\":{\"enabled\":false}}")));
        assertThat(etagged.statusCode()).isEqualTo(200);
        assertThat(etagged.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(Api.json(etagged).getInt("version")).isEqualTo(2);
    }
}
