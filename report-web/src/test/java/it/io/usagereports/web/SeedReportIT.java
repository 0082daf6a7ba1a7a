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
 * The page the project started from (shared/spec/seed-creating-a-usage-report.txt), replayed
 * byte for byte: the same request a platform script sends, the same answer it expects.
 */
class SeedReportIT {

    /** The seed's {@code report_data}, as {@code json.dumps(report_data, indent=4)} sends it. */
    private static String seedRequest(String tenantId) {
        return """
                {
                    "recipients": [
                        "ca451758-b48a-45d9-9ae6-8f1059f67619",
                        "ab00e527-219b-481b-b01b-311b5be0ed3c"
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
                }""".formatted(tenantId);
    }

    /**
     * The seed's response, with the server's own ID, plus the two parameters the platform's
     * page leaves unmentioned and this server always states with their defaults.
     */
    private static JsonObject expectedResponse(String id, String tenantId) {
        return Json.createReader(new StringReader("""
                {"generation_date": "2017-05-08",
                 "id": "%s",
                 "parameters": {"formats": ["csv", "html"],
                                "kind": "usage_summary",
                                "level": "accounts",
                                "period": {"end": "2017-05-07", "start": "2017-05-01"},
                                "tenant_id": "%s",
                                "hide_zero_usage": false,
                                "show_skus": false},
                 "recipients": ["ca451758-b48a-45d9-9ae6-8f1059f67619",
                                "ab00e527-219b-481b-b01b-311b5be0ed3c"],
                 "result_action": "send",
                 "schedule": {"enabled": true, "type": "once"},
                 "version": 1}""".formatted(id, tenantId))).readObject();
    }

    @Test
    void theSeedRequestGetsTheSeedResponse() {
        String tenantId = UUID.randomUUID().toString();

        HttpResponse<String> response = Api.send(Api.request("/reports")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(seedRequest(tenantId))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).as("one line, for the platform's shell clients").doesNotContain("\n");
        assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonObject body = Api.json(response);
        String id = body.getString("id");
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(body).isEqualTo(expectedResponse(id, tenantId));
        assertThat(body.getInt("version")).isEqualTo(1);
    }

    @Test
    void theSeedsFollowUpCallsWorkOnTheCreatedReport() {
        String tenantId = UUID.randomUUID().toString();
        JsonObject created = Api.json(Api.postJson("/reports", seedRequest(tenantId)));
        String reportId = created.getString("id");
        int version = created.getInt("version");

        assertThat(Api.json(Api.get("/reports/" + reportId))).isEqualTo(created);
        assertThat(Api.json(Api.get("/tenants/" + tenantId + "/reports")))
                .isEqualTo(Json.createObjectBuilder().add("items", Json.createArrayBuilder().add(reportId)).build());

        HttpResponse<String> deleted = Api.send(Api.request("/reports/" + reportId + "?version=" + version).DELETE());
        assertThat(deleted.statusCode()).isEqualTo(204);
        Api.assertError(Api.get("/reports/" + reportId), 404, "not_found");
    }
}
