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
        assertThat(response.body())
                .contains(
                        "/api/2/reports:",
                        "/api/2/reports/{id}:",
                        "/api/2/reports/{id}/revisions:",
                        "/api/2/tenants/{tenant_id}/reports:",
                        "/api/2/idp/token:",
                        "/api/2/clients:",
                        "/api/2/tenants:",
                        "/api/2/tenants/{id}:",
                        "/api/2/users:",
                        "/api/2/users/me:",
                        "/api/2/users/{id}:",
                        "/api/2/users/{id}/password:",
                        "/api/2/users/{id}/access_policies:",
                        "/api/2/usages:",
                        "/api/2/tenants/usages:",
                        "/api/2/tenants/{tenant_id}/usages:",
                        "/api/2/tenants/{tenant_id}/offering_items:",
                        "Report:",
                        "ReportUpdate:",
                        "ReportPage:",
                        "ReportRevisions:",
                        "ReportIds:",
                        "ApiError:",
                        "Tenant:",
                        "User:",
                        "ApiClient:",
                        "Token:",
                        "AccessPolicies:",
                        "UsageBatch:",
                        "TenantUsages:",
                        "OfferingItems:",
                        "result_action",
                        "hide_zero_usage",
                        "generation_date",
                        "measured_at");
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
