package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The platform's "Creating a usage report" page, the example the project started from (its
 * request and response are in docs/api.md, "Compatibility with the platform"), replayed byte for byte: the same request a platform script sends, the same answer it expects. Only
 * the IDs differ: the tenant and the two recipients must exist here, so they are this test's.
 */
class SeedReportIT {

    private static final Sandbox SANDBOX = Sandbox.create();

    /** The seed's {@code report_data}, as {@code json.dumps(report_data, indent=4)} sends it. */
    private static String seedRequest(String tenantId, String first, String second) {
        return """
                {
                    "recipients": [
                        "%s",
                        "%s"
                    ],
                    "parameters": {
                        "kind": "usage_summary",
                        "tenant_id": "%s",
                        "level": "accounts",
                        "period": {
                            "start": "2017-05-01",
                            "end": "2017-05-07"
                        },
                        "formats": [
                            "csv",
                            "html"
                        ]
                    },
                    "schedule": {
                        "type": "once"
                    },
                    "generation_date": "2017-05-08",
                    "result_action": "send"
                }""".formatted(first, second, tenantId);
    }

    /**
     * The seed's response, with the server's own ID, plus the two parameters the platform's
     * page leaves unmentioned and this server always states with their defaults.
     */
    private static JsonObject expectedResponse(String id, String tenantId, String first, String second) {
        return Json.createReader(new StringReader("""
                {"generation_date": "2017-05-08",
                 "id": "%s",
                 "parameters": {"formats": ["csv", "html"],
                                "kind": "usage_summary",
                                "level": "accounts",
                                "period": {"end": "2017-05-07", "start": "2017-05-01"},
                                "tenant_id": "%s",
                                "hide_zero_usage": false,
                                "show_skus": false,
                                "timezone": "UTC"},
                 "recipients": ["%s",
                                "%s"],
                 "result_action": "send",
                 "schedule": {"enabled": true, "type": "once"},
                 "version": 1}""".formatted(id, tenantId, first, second)))
                .readObject();
    }

    @Test
    void theSeedRequestGetsTheSeedResponse() {
        UUID tenant = SANDBOX.newCustomer();
        String tenantId = tenant.toString();
        String first = SANDBOX.newUser(tenant).toString();
        String second = SANDBOX.newUser(tenant).toString();

        HttpResponse<String> response = Api.send(SANDBOX.request("/reports")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(seedRequest(tenantId, first, second))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .as("one line, for the platform's shell clients")
                .doesNotContain("\n");
        assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonObject body = Api.json(response);
        String id = body.getString("id");
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(body).isEqualTo(expectedResponse(id, tenantId, first, second));
        assertThat(body.getInt("version")).isEqualTo(1);
    }

    @Test
    void theSeedsFollowUpCallsWorkOnTheCreatedReport() {
        UUID tenant = SANDBOX.newCustomer();
        String tenantId = tenant.toString();
        JsonObject created = Api.json(SANDBOX.postJson(
                "/reports",
                seedRequest(
                        tenantId,
                        SANDBOX.newUser(tenant).toString(),
                        SANDBOX.newUser(tenant).toString())));
        String reportId = created.getString("id");
        int version = created.getInt("version");

        assertThat(Api.json(SANDBOX.get("/reports/" + reportId))).isEqualTo(created);
        assertThat(Api.json(SANDBOX.get("/tenants/" + tenantId + "/reports")))
                .isEqualTo(Json.createObjectBuilder()
                        .add("items", Json.createArrayBuilder().add(reportId))
                        .build());

        HttpResponse<String> deleted = Api.send(
                SANDBOX.request("/reports/" + reportId + "?version=" + version).DELETE());
        assertThat(deleted.statusCode()).isEqualTo(204);
        Api.assertError(SANDBOX.get("/reports/" + reportId), 404, "not_found");
    }
}
