package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the server serves at {@code /openapi} describes the wire: real requests
 * and answers of the API, to every kind of endpoint and with errors, are validated against it by
 * a general OpenAPI validator (Atlassian's swagger-request-validator). A client generated from the
 * document sends what the server takes and reads what it answers.
 */
class OpenApiContractIT {

    private static final Sandbox SANDBOX = Sandbox.create();
    private static OpenApiInteractionValidator validator;

    /** Every validation error of the test, with the exchange it belongs to. */
    private final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void readTheServedDocument() {
        HttpResponse<String> document = Api.get(Api.root() + "/openapi");
        assertThat(document.statusCode()).isEqualTo(200);
        validator = validatorFor(document.body());
    }

    /**
     * A validator for an OpenAPI document. The validator (2.x, the newest that runs on Java 17)
     * reads OpenAPI 3.1 documents, which the server serves, but checks their schemas with a JSON
     * Schema engine that reads a schema's type from {@code type} alone, where the parser of 3.1
     * keeps it in {@code types}: each schema's single type is copied back, so that types are
     * checked as well as enumerations, formats and required fields.
     */
    static OpenApiInteractionValidator validatorFor(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(document, null, options);
        assertThat(parsed.getMessages())
                .as("the served document is valid OpenAPI")
                .isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        new TypeCopier().copy(api);
        return OpenApiInteractionValidator.createFor(api).build();
    }

    @AfterEach
    void noViolations() {
        assertThat(violations)
                .as("exchanges that the served OpenAPI document does not describe")
                .isEmpty();
    }

    @Test
    void directory() {
        HttpResponse<String> token = exchange(
                "token",
                "POST",
                "/idp/token",
                Map.of(
                        "Authorization",
                        Sandbox.basic(SANDBOX.client.clientId().toString(), SANDBOX.client.clientSecret())),
                "application/x-www-form-urlencoded",
                "grant_type=client_credentials",
                200);
        assertThat(Api.json(token).getString("token_type")).isEqualTo("bearer");
        exchange("me", "GET", "/users/me", bearer(), null, null, 200);

        JsonObject tenant = Api.json(exchange(
                "create tenant",
                "POST",
                "/tenants",
                bearer(),
                "application/json",
                "{\"name\":\"contract\",\"kind\":\"customer\",\"parent_id\":\"" + SANDBOX.partner.id() + "\"}",
                201));
        String tenantId = tenant.getString("id");
        exchange("read tenant", "GET", "/tenants/" + tenantId, bearer(), null, null, 200);
        exchange(
                "rename tenant",
                "PUT",
                "/tenants/" + tenantId,
                bearer(),
                "application/json",
                "{\"name\":\"contract renamed\",\"version\":" + tenant.getInt("version") + "}",
                200);
        exchange("children", "GET", "/tenants?parent_id=" + SANDBOX.partner.id(), bearer(), null, null, 200);

        String login = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String user = Api.json(exchange(
                        "create user",
                        "POST",
                        "/users",
                        bearer(),
                        "application/json",
                        "{\"tenant_id\":\"" + tenantId + "\",\"login\":\"" + login
                                + "\",\"contact\":{\"email\":\"" + login + "@example.com\",\"firstname\":\"Con\","
                                + "\"lastname\":\"Tract\"}}",
                        201))
                .getString("id");
        exchange("read user", "GET", "/users/" + user, bearer(), null, null, 200);
        exchange("policies", "GET", "/users/" + user + "/access_policies", bearer(), null, null, 200);

        String client = Api.json(exchange(
                        "create client",
                        "POST",
                        "/clients",
                        bearer(),
                        "application/json",
                        "{\"type\":\"api_client\",\"tenant_id\":\"" + tenantId
                                + "\",\"token_endpoint_auth_method\":\"client_secret_basic\","
                                + "\"data\":{\"client_name\":\"contract\"}}",
                        201))
                .getString("client_id");
        exchange("read client", "GET", "/clients/" + client, bearer(), null, null, 200);
    }

    @Test
    void usage() {
        String tenant = SANDBOX.newCustomer().toString();
        exchange(
                "offering items",
                "PUT",
                "/tenants/" + tenant + "/offering_items",
                bearer(),
                "application/json",
                "{\"offering_items\":[{\"name\":\"Storage\",\"usage_name\":\"storage\",\"measurement_unit\":\"bytes\","
                        + "\"sku\":\"ST-1\"}]}",
                200);
        exchange("read offering items", "GET", "/tenants/" + tenant + "/offering_items", bearer(), null, null, 200);
        exchange(
                "ingest",
                "POST",
                "/usages",
                bearer(),
                "application/json",
                "{\"items\":[{\"tenant_id\":\"" + tenant + "\",\"usage_name\":\"storage\",\"value\":1073741824,"
                        + "\"measured_at\":\"2017-05-01T12:00:00+00:00\"}]}",
                200);
        exchange("usage of one", "GET", "/tenants/" + tenant + "/usages", bearer(), null, null, 200);
        exchange("usage of several", "GET", "/tenants/usages?tenants=" + tenant, bearer(), null, null, 200);
    }

    @Test
    void reportDefinitions() {
        String tenant = SANDBOX.newCustomer().toString();
        JsonObject report = Api.json(exchange(
                "create report",
                "POST",
                "/reports",
                bearer(),
                "application/json",
                "{\"result_action\":\"save\",\"schedule\":{\"type\":\"monthly\",\"day_of_month\":2,\"time\":\"06:00\","
                        + "\"timezone\":\"Europe/Berlin\"},\"parameters\":{\"tenant_id\":\"" + tenant
                        + "\",\"level\":\"all_customers\",\"kind\":\"usage_summary\",\"formats\":[\"csv\",\"html\"]}}",
                200));
        assertThat(report.getString("result_action")).isEqualTo("save");
        String id = report.getString("id");
        exchange("read report", "GET", "/reports/" + id, bearer(), null, null, 200);
        exchange(
                "list reports",
                "GET",
                "/reports?tenant_id=" + tenant
                        + "&kind=usage_summary&result_action=save&schedule_type=monthly&limit=10",
                bearer(),
                null,
                null,
                200);
        exchange("ids of a tenant", "GET", "/tenants/" + tenant + "/reports", bearer(), null, null, 200);
        Map<String, String> ifMatch = new LinkedHashMap<>(bearer());
        ifMatch.put("If-Match", "\"1\"");
        exchange(
                "update report",
                "PUT",
                "/reports/" + id,
                ifMatch,
                "application/json",
                "{\"parameters\":{\"kind\":\"usage_daily\"},\"schedule\":{\"time\":\"07:30\",\"enabled\":false}}",
                200);
        exchange("revisions", "GET", "/reports/" + id + "/revisions", bearer(), null, null, 200);
        exchange("stale update", "PUT", "/reports/" + id, ifMatch, "application/json", "{}", 409);
        exchange("delete report", "DELETE", "/reports/" + id + "?version=2", bearer(), null, null, 204);
    }

    @Test
    void runsAndStoredReports() throws InterruptedException {
        String tenant = SANDBOX.newCustomer().toString();
        String id = Api.json(exchange(
                        "create once report",
                        "POST",
                        "/reports",
                        bearer(),
                        "application/json",
                        "{\"result_action\":\"save\",\"schedule\":{\"type\":\"once\"},\"parameters\":{\"tenant_id\":\""
                                + tenant
                                + "\",\"level\":\"itself\",\"kind\":\"usage_daily\",\"formats\":[\"csv_v2_0\"],"
                                + "\"period\":{\"start\":\"2017-05-01\",\"end\":\"2017-05-03\"}}}",
                        200))
                .getString("id");
        exchange("stored reports", "GET", "/reports/" + id + "/stored", bearer(), null, null, 200);
        String run = Api.json(exchange(
                        "run now",
                        "POST",
                        "/reports/" + id + "/runs",
                        bearer(),
                        "application/json",
                        "{\"period\":{\"start\":\"2017-05-02\",\"end\":\"2017-05-02\"}}",
                        201))
                .getString("id");
        exchange("runs", "GET", "/reports/" + id + "/runs", bearer(), null, null, 200);
        exchange("one run", "GET", "/reports/" + id + "/runs/" + run, bearer(), null, null, 200);

        String stored = awaitSaved(id);
        exchange("stored saved", "GET", "/reports/" + id + "/stored", bearer(), null, null, 200);
        exchange("download", "GET", "/reports/" + id + "/stored/" + stored, bearer(), null, null, 200);
    }

    @Test
    void errors() {
        exchange("unknown report", "GET", "/reports/" + UUID.randomUUID(), bearer(), null, null, 404);
        exchange(
                "incomplete report",
                "POST",
                "/reports",
                bearer(),
                "application/json",
                "{\"result_action\":\"save\"}",
                400);
        exchange(
                "run of an unknown report",
                "POST",
                "/reports/" + UUID.randomUUID() + "/runs",
                bearer(),
                "application/json",
                "{\"period\":{\"start\":\"2017-05-03\",\"end\":\"2017-05-01\"}}",
                404);
        // Requests the document itself calls invalid: only the answer is checked.
        answerOnly("no token", "GET", "/reports", Map.of(), null, null, 401);
        answerOnly("bad enum", "GET", "/reports?kind=usage_hourly", bearer(), null, null, 400);
        answerOnly(
                "bad enum in a body",
                "POST",
                "/reports",
                bearer(),
                "application/json",
                "{\"result_action\":\"keep\"}",
                400);
        answerOnly("bad limit", "GET", "/reports?limit=0", bearer(), null, null, 400);
        answerOnly("not a uuid", "GET", "/reports/not-a-uuid", bearer(), null, null, 404);
    }

    private static Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + SANDBOX.token());
    }

    private HttpResponse<String> exchange(
            String name,
            String method,
            String path,
            Map<String, String> headers,
            String contentType,
            String body,
            int expectedStatus) {
        return exchange(name, method, path, headers, contentType, body, expectedStatus, true);
    }

    private HttpResponse<String> answerOnly(
            String name,
            String method,
            String path,
            Map<String, String> headers,
            String contentType,
            String body,
            int expectedStatus) {
        return exchange(name, method, path, headers, contentType, body, expectedStatus, false);
    }

    /** Sends a request to {@code /api/2} + path, and validates it and its answer against the document. */
    private HttpResponse<String> exchange(
            String name,
            String method,
            String path,
            Map<String, String> headers,
            String contentType,
            String body,
            int expectedStatus,
            boolean checkRequest) {
        HttpRequest.Builder http = Api.request(path)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(http::header);
        if (contentType != null) {
            http.header("Content-Type", contentType);
        }
        HttpResponse<String> response = Api.send(http);
        assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(expectedStatus);

        URI uri = URI.create(Api.BASE + path);
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getRawPath());
        headers.forEach(request::withHeader);
        if (contentType != null) {
            request.withContentType(contentType);
        }
        if (body != null) {
            request.withBody(body);
        }
        queryParameters(uri.getRawQuery()).forEach(request::withQueryParam);
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach(answer::withHeader);
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        ValidationReport report = checkRequest
                ? validator.validate(request.build(), answer.build())
                : validator.validateResponse(uri.getRawPath(), Request.Method.valueOf(method), answer.build());
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                violations.add(name + " (" + method + " " + path + " -> " + response.statusCode() + "): "
                        + message.getKey() + ": " + message.getMessage());
            }
        }
        return response;
    }

    private static Map<String, List<String>> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        return java.util.Arrays.stream(rawQuery.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.groupingBy(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        LinkedHashMap::new,
                        Collectors.mapping(
                                pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "",
                                Collectors.toList())));
    }

    private static String awaitSaved(String reportId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            for (JsonObject item : Api.json(SANDBOX.get("/reports/" + reportId + "/stored"))
                    .getJsonArray("items")
                    .getValuesAs(JsonObject.class)) {
                if (item.getString("status").equals("saved")) {
                    return item.getString("id");
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No stored report of " + reportId + " was saved within 90 s");
    }

    /** Copies each schema's single type of OpenAPI 3.1 ({@code types}) to {@code type}; see {@link #validatorFor}. */
    private static final class TypeCopier {
        private final Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        void copy(OpenAPI api) {
            if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
                api.getComponents().getSchemas().values().forEach(this::copy);
            }
            if (api.getPaths() == null) {
                return;
            }
            for (PathItem item : api.getPaths().values()) {
                if (item.getParameters() != null) {
                    item.getParameters().forEach(this::copy);
                }
                for (Operation operation : item.readOperations()) {
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(this::copy);
                    }
                    if (operation.getRequestBody() != null) {
                        copy(operation.getRequestBody().getContent());
                    }
                    if (operation.getResponses() != null) {
                        for (ApiResponse response : operation.getResponses().values()) {
                            copy(response.getContent());
                            if (response.getHeaders() != null) {
                                response.getHeaders().values().stream()
                                        .map(Header::getSchema)
                                        .forEach(this::copy);
                            }
                        }
                    }
                }
            }
        }

        private void copy(Parameter parameter) {
            copy(parameter.getSchema());
            copy(parameter.getContent());
        }

        private void copy(Content content) {
            if (content != null) {
                content.values().forEach(media -> copy(media.getSchema()));
            }
        }

        private void copy(Schema<?> schema) {
            if (schema == null || !seen.add(schema)) {
                return;
            }
            if (schema.getType() == null && schema.getTypes() != null) {
                Set<String> types = schema.getTypes().stream()
                        .filter(type -> !type.equals("null"))
                        .collect(Collectors.toSet());
                if (types.size() == 1) {
                    schema.setType(types.iterator().next());
                }
                if (schema.getTypes().contains("null")) {
                    schema.setNullable(true);
                }
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(this::copy);
            }
            copy(schema.getItems());
            if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
                copy(additional);
            }
            for (List<Schema> parts :
                    java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (parts != null) {
                    parts.forEach(this::copy);
                }
            }
            copy(schema.getNot());
        }
    }
}
