package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The OpenAPI document with its UI, and health, as operators and client authors use them. */
class PlatformEndpointsIT {

    @Test
    void theOpenApiDocumentDescribesEveryEndpointAndSchema() {
        HttpResponse<String> response = Api.get(Api.root() + "/openapi");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(
                "/api/2/reports:", "/api/2/reports/{id}:", "/api/2/reports/{id}/revisions:",
                "/api/2/tenants/{tenant_id}/reports:",
                "Report:", "ReportUpdate:", "ReportPage:", "ReportRevisions:", "ReportIds:", "ApiError:",
                "result_action", "hide_zero_usage", "generation_date");
    }

    @Test
    void theOpenApiUiIsServed() {
        HttpResponse<String> response = Api.get(Api.root() + "/openapi/ui/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsIgnoringCase("<html");
    }

    @Test
    void healthReportsTheDatabaseUp() {
        HttpResponse<String> response = Api.get(Api.root() + "/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Api.json(response).getString("status")).isEqualTo("UP");
        assertThat(response.body()).contains("\"database\"");
    }
}
