package it.io.usagereports.web;

import static it.io.usagereports.web.Api.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * HTTP details a client relies on: every 201 names the new resource in {@code Location}, where
 * a GET finds it; and a malformed ID in a path answers 404 {@code not_found} on every endpoint.
 */
class HttpDetailsIT {

    private static final Sandbox SANDBOX = Sandbox.create();

    @Test
    void everyCreatedAnswerNamesTheNewResourceWhereAGetFindsIt() {
        HttpResponse<String> tenant = SANDBOX.postJson(
                "/tenants",
                "{\"name\":\"located\",\"kind\":\"customer\",\"parent_id\":\"" + SANDBOX.partner.id() + "\"}");
        String tenantId = createdAt(tenant, "/tenants/", "id");

        HttpResponse<String> user = SANDBOX.postJson(
                "/users",
                "{\"tenant_id\":\"" + tenantId + "\",\"login\":\"l"
                        + UUID.randomUUID().toString().substring(0, 12)
                        + "\",\"contact\":{\"email\":\"l@example.com\"}}");
        createdAt(user, "/users/", "id");

        HttpResponse<String> client = SANDBOX.postJson(
                "/clients",
                "{\"type\":\"api_client\",\"tenant_id\":\"" + tenantId
                        + "\",\"token_endpoint_auth_method\":\"client_secret_basic\",\"data\":{\"client_name\":\"c\"}}");
        String clientId = createdAt(client, "/clients/", "client_id");
        assertThat(Api.json(SANDBOX.get("/clients/" + clientId)).containsKey("client_secret"))
                .as("the secret is shown only when the client is made")
                .isFalse();

        String report = Api.json(SANDBOX.postJson(
                        "/reports",
                        "{\"result_action\":\"save\",\"schedule\":{\"type\":"
                                + "\"monthly\"},\"parameters\":{\"tenant_id\":\"" + tenantId
                                + "\",\"level\":\"itself\","
                                + "\"kind\":\"usage_summary\"}}"))
                .getString("id");
        HttpResponse<String> run =
                Api.send(SANDBOX.request("/reports/" + report + "/runs").POST(HttpRequest.BodyPublishers.noBody()));
        createdAt(run, "/reports/" + report + "/runs/", "id");
    }

    /** Asserts a 201 whose Location is the object's own URL and answers it; returns its ID. */
    private static String createdAt(HttpResponse<String> created, String path, String idField) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject body = Api.json(created);
        String id = body.getString(idField);
        URI location = URI.create(created.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).isEqualTo(Api.BASE + path + id);
        HttpResponse<String> found =
                Api.send(SANDBOX.request(location.toString().substring(Api.BASE.length()))
                        .GET());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(Api.json(found).getString(idField)).isEqualTo(id);
        return id;
    }

    @Test
    void aMalformedIdInAPathIsNotFoundOnEveryEndpoint() {
        UUID report = UUID.fromString(Api.json(SANDBOX.postJson(
                        "/reports",
                        "{\"result_action\":\"save\","
                                + "\"schedule\":{\"type\":\"monthly\"},\"parameters\":{\"tenant_id\":\""
                                + SANDBOX.partner.id()
                                + "\",\"level\":\"itself\",\"kind\":\"usage_summary\"}}"))
                .getString("id"));
        for (String path : new String[] {
            "/tenants/not-a-uuid",
            "/tenants/not-a-uuid/reports",
            "/tenants/not-a-uuid/usages",
            "/tenants/not-a-uuid/offering_items",
            "/users/not-a-uuid",
            "/users/not-a-uuid/access_policies",
            "/clients/not-a-uuid",
            "/reports/not-a-uuid",
            "/reports/not-a-uuid/revisions",
            "/reports/not-a-uuid/runs",
            "/reports/not-a-uuid/stored",
            "/reports/" + report + "/runs/not-a-uuid",
            "/reports/" + report + "/stored/not-a-uuid"
        }) {
            assertError(SANDBOX.get(path), 404, "not_found");
        }
    }
}
