package it.io.usagereports.web;

import static it.io.usagereports.web.Api.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Requests a fuzzing campaign found answered wrongly (docs/api.md §1, "Input rules"): each is
 * refused in the one error shape, with a 4xx, and leaves nothing behind.
 */
class InputHardeningIT {

    private static final Sandbox SANDBOX = Sandbox.create();
    private static final String NOW = Instant.now()
            .minus(1, ChronoUnit.HOURS)
            .truncatedTo(ChronoUnit.SECONDS)
            .toString();

    private static String field(JsonObject error) {
        return error.getJsonObject("details").getString("field", null);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static HttpResponse<String> send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request =
                SANDBOX.request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return Api.send(request);
    }

    private static String tenantBody(String name) {
        return "{\"name\":\"" + name + "\",\"kind\":\"customer\",\"parent_id\":\"" + SANDBOX.partner.id() + "\"}";
    }

    /** The names of the sandbox partner's children. */
    private static List<String> childNames() {
        return Api.json(SANDBOX.get("/tenants?parent_id=" + SANDBOX.partner.id()))
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(t -> t.getString("name"))
                .toList();
    }

    private static String row(UUID tenant, String usage, String value) {
        return "{\"tenant_id\":\"" + tenant + "\",\"usage_name\":\"" + usage + "\",\"value\":" + value
                + ",\"measured_at\":\"" + NOW + "\"}";
    }

    private static int usageItems(UUID tenant) {
        return Api.json(SANDBOX.get("/tenants/" + tenant + "/usages"))
                .getJsonArray("items")
                .size();
    }

    private static String monthlyReport(UUID tenant) {
        return Api.json(
                        SANDBOX.postJson(
                                "/reports",
                                "{\"result_action\":\"save\",\"parameters\":{\"tenant_id\":\"" + tenant
                                        + "\",\"level\":\"itself\",\"kind\":\"usage_daily\"},\"schedule\":{\"type\":\"monthly\"}}"))
                .getString("id");
    }

    private static int runs(String report) {
        return Api.json(SANDBOX.get("/reports/" + report + "/runs"))
                .getJsonArray("items")
                .size();
    }

    // 1
    @Test
    void deepNestingIsRefusedAsInvalidJsonOnEveryJsonEndpoint() {
        UUID customer = SANDBOX.newCustomer();
        String report = monthlyReport(customer);
        int before = runs(report);
        for (int levels : new int[] {100, 1_000, 100_000}) {
            String deep = "[".repeat(levels) + "]".repeat(levels);
            String inObject = "{\"name\":" + deep + "}";
            assertError(SANDBOX.postJson("/tenants", inObject), 400, "invalid_json");
            assertError(SANDBOX.postJson("/reports", inObject), 400, "invalid_json");
            assertError(SANDBOX.putJson("/tenants/" + customer, inObject), 400, "invalid_json");
            assertError(SANDBOX.putJson("/tenants/" + customer + "/offering_items", inObject), 400, "invalid_json");
            assertError(SANDBOX.postJson("/users", inObject), 400, "invalid_json");
            assertError(SANDBOX.postJson("/clients", inObject), 400, "invalid_json");
            assertError(SANDBOX.postJson("/reports/" + report + "/runs", inObject), 400, "invalid_json");
            assertError(SANDBOX.postJson("/usages", "{\"items\":[" + deep + "]}"), 400, "invalid_json");
            assertError(SANDBOX.postJson("/usages", "{\"items\":" + deep + "}"), 400, "invalid_json");
        }
        JsonObject error =
                assertError(SANDBOX.postJson("/tenants", "[".repeat(65) + "]".repeat(65)), 400, "invalid_json");
        assertThat(error.getString("message")).contains("64 levels");
        // 64 levels are still JSON: the body is read, and refused for its content
        String sixtyFour = "{\"colour\":" + "[".repeat(63) + "]".repeat(63) + "}";
        assertError(SANDBOX.postJson("/tenants", sixtyFour), 400, "unknown_field");
        assertThat(runs(report)).isEqualTo(before);
    }

    // 2
    @Test
    void malformedJsonInsideAReadingIsInvalidJsonAndStoresNothing() {
        UUID customer = SANDBOX.newCustomer();
        String good = row(customer, "storage", "1");
        assertError(SANDBOX.postJson("/usages", "{\"items\":[{\"tenant_id\":\"x\""), 400, "invalid_json");
        assertError(SANDBOX.postJson("/usages", "{\"items\":[" + good + ",NaN]}"), 400, "invalid_json");
        assertError(
                SANDBOX.postJson("/usages", "{\"items\":[" + good.replace("1,", "NaN,") + "]}"), 400, "invalid_json");
        assertError(
                send(
                        "POST",
                        "/usages",
                        "application/json",
                        concat(
                                utf8("{\"items\":[" + good + ",{\"tenant_id\":\"" + customer + "\",\"usage_name\":\"s"),
                                new byte[] {(byte) 0xff},
                                utf8("\",\"value\":1,\"measured_at\":\"" + NOW + "\"}]}"))),
                400,
                "invalid_json");
        assertError(SANDBOX.postJson("/usages", "{\"items\":[" + good + "," + good + "]"), 400, "invalid_json");
        String foreign = row(UUID.randomUUID(), "storage", "1");
        assertError(SANDBOX.postJson("/usages", "{\"items\":[" + foreign + "," + good + "]"), 400, "invalid_json");
        assertError(
                SANDBOX.postJson("/usages", "{\"items\":[" + foreign + "," + good + "]}"), 403, "tenant_access_denied");
        assertError(SANDBOX.postJson("/usages", "{\"items\":[" + good + "]} x"), 400, "invalid_json");
        assertError(SANDBOX.postJson("/usages", "{\"items\":[" + good + "],\"items\":[]}"), 400, "invalid_json");
        assertThat(usageItems(customer)).as("nothing stored").isZero();

        assertThat(SANDBOX.postJson("/usages", "{\"items\":[" + good + "]}\n").statusCode())
                .isEqualTo(200);
        assertThat(usageItems(customer)).isEqualTo(1);
    }

    // 3
    @Test
    void trailingContentAfterTheJsonValueCreatesNothing() {
        String name = "trailing " + UUID.randomUUID();
        assertError(SANDBOX.postJson("/tenants", tenantBody(name) + " x"), 400, "invalid_json");
        assertError(SANDBOX.postJson("/tenants", tenantBody(name) + tenantBody(name)), 400, "invalid_json");
        assertError(SANDBOX.postJson("/tenants", tenantBody(name) + "]"), 400, "invalid_json");
        assertError(
                SANDBOX.postJson("/tenants", tenantBody(name).replace("{", "{\"name\":\"other\",")),
                400,
                "invalid_json");
        assertThat(childNames()).doesNotContain(name, "other");

        assertThat(SANDBOX.postJson("/tenants", tenantBody(name) + " \r\n").statusCode())
                .isEqualTo(201);
        assertThat(childNames()).contains(name);
    }

    // 4
    @Test
    void bytesThatAreNotUtf8AreRefusedNeverStoredAsReplacementCharacters() {
        String name = "latin " + UUID.randomUUID();
        byte[] latin1 = tenantBody(name + "\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        JsonObject json = assertError(send("POST", "/tenants", "application/json", latin1), 400, "invalid_json");
        assertThat(json.getString("message")).contains("UTF-8");
        assertThat(childNames()).noneMatch(n -> n.startsWith(name));

        UUID customer = SANDBOX.newCustomer();
        byte[] csv = concat(
                utf8("tenant_id,usage_name,value,measured_at\r\n" + customer + ",caf"),
                new byte[] {(byte) 0xe9},
                utf8(",1," + NOW + "\r\n"));
        JsonObject error = assertError(send("POST", "/usages", "text/csv", csv), 400, "invalid_csv");
        assertThat(error.getString("message")).contains("UTF-8");
        assertThat(usageItems(customer)).isZero();
    }

    // 5
    @Test
    void aRunRequestsBodyMustBeJsonWhenThereIsOne() {
        String report = monthlyReport(SANDBOX.newCustomer());
        String path = "/reports/" + report + "/runs";
        int before = runs(report);
        assertError(send("POST", path, "text/plain", utf8("{}")), 415, "unsupported_media_type");
        assertError(send("POST", path, "application/xml", utf8("<run/>")), 415, "unsupported_media_type");
        assertError(
                send("POST", path, "application/x-www-form-urlencoded", utf8("period=x")),
                415,
                "unsupported_media_type");
        assertError(send("POST", path, null, utf8("{}")), 415, "unsupported_media_type");
        assertThat(runs(report)).as("no run created").isEqualTo(before);

        assertThat(Api.send(SANDBOX.request(path).POST(HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isEqualTo(201);
        assertThat(send("POST", path, "application/json", utf8("{}")).statusCode())
                .isEqualTo(201);
        assertThat(runs(report)).isEqualTo(before + 2);
    }

    // 6
    @Test
    void replacingOfferingItemsNeedsTheList() {
        UUID customer = SANDBOX.newCustomer();
        String path = "/tenants/" + customer + "/offering_items";
        String items = "{\"offering_items\":[{\"name\":\"Storage\",\"usage_name\":\"storage\","
                + "\"measurement_unit\":\"bytes\"}]}";
        assertThat(SANDBOX.putJson(path, items).statusCode()).isEqualTo(200);

        assertThat(field(assertError(SANDBOX.putJson(path, "{}"), 400, "required_field")))
                .isEqualTo("offering_items");
        assertThat(field(assertError(SANDBOX.putJson(path, "{\"offering_items\":null}"), 400, "required_field")))
                .isEqualTo("offering_items");
        assertThat(Api.json(SANDBOX.get(path)).getJsonArray("offering_items")).hasSize(1);

        assertThat(SANDBOX.putJson(path, "{\"offering_items\":[]}").statusCode())
                .isEqualTo(200);
        assertThat(Api.json(SANDBOX.get(path)).getJsonArray("offering_items")).isEmpty();
    }

    // 7
    @Test
    void everyTenantOfACurrentUsageQueryIsAUuid() {
        UUID a = SANDBOX.newCustomer();
        UUID b = SANDBOX.newCustomer();
        for (String query : List.of(a + ",," + b, a + "%00", a + ",", "," + a, a + ",%20," + b, a + ",x")) {
            assertThat(field(assertError(SANDBOX.get("/tenants/usages?tenants=" + query), 400, "invalid_value")))
                    .as(query)
                    .isEqualTo("tenants");
        }
        assertThat(SANDBOX.get("/tenants/usages?tenants=" + a + ",%20" + b).statusCode())
                .isEqualTo(200);
    }

    // 8
    @Test
    void malformedCsvIsInvalidCsvWithoutTheParsersClassNames() {
        UUID customer = SANDBOX.newCustomer();
        String header = "tenant_id,usage_name,value,measured_at\r\n";
        String good = customer + ",storage,1," + NOW + "\r\n";

        JsonObject quote =
                assertError(send("POST", "/usages", "text/csv", utf8(header + good + "\"" + good)), 400, "invalid_csv");
        assertThat(quote.getString("message")).doesNotContain("org.apache").doesNotContain("CSVException");
        assertError(
                send(
                        "POST",
                        "/usages",
                        "text/csv",
                        utf8("tenant_id,usage_name,value,measured_at,value\r\n" + good.replace("\r\n", ",2\r\n"))),
                400,
                "invalid_csv");
        assertError(
                send("POST", "/usages", "text/csv", utf8(header + good + good.replace("\r\n", ",extra\r\n"))),
                400,
                "invalid_csv");
        assertThat(usageItems(customer)).isZero();
    }

    // 9
    @Test
    void anUnknownFieldOfAReadingIsUnknownFieldNamingItsPath() {
        UUID customer = SANDBOX.newCustomer();
        String good = row(customer, "storage", "1");
        String body = "{\"items\":[" + good + "," + good + "," + good + "," + good.replace("}", ",\"colour\":\"red\"}")
                + "]}";
        assertThat(field(assertError(SANDBOX.postJson("/usages", body), 400, "unknown_field")))
                .isEqualTo("items[3].colour");
        assertThat(field(assertError(SANDBOX.postJson("/usages", "{\"items\":{}}"), 400, "invalid_type")))
                .isEqualTo("items");
        assertThat(usageItems(customer)).isZero();
    }

    // 10
    @Test
    void namesRefuseControlCharactersAndLoneSurrogates() {
        String marker = UUID.randomUUID().toString();
        for (String bad : List.of("\\u0000", "\\u001b[31m", "\\n", "\\u007f", "\\ud800")) {
            assertThat(field(assertError(SANDBOX.postJson("/tenants", tenantBody(marker + bad)), 400, "invalid_value")))
                    .as(bad)
                    .isEqualTo("name");
        }
        assertThat(childNames()).noneMatch(n -> n.startsWith(marker));
        assertThat(SANDBOX.postJson("/tenants", tenantBody(marker + "\\ttab")).statusCode())
                .isEqualTo(201);

        UUID customer = SANDBOX.newCustomer();
        JsonObject tenant = Api.json(SANDBOX.get("/tenants/" + customer));
        assertThat(field(assertError(
                        SANDBOX.putJson(
                                "/tenants/" + customer,
                                "{\"name\":\"x\\u0007\",\"version\":" + tenant.getInt("version") + "}"),
                        400,
                        "invalid_value")))
                .isEqualTo("name");
        assertThat(field(assertError(
                        SANDBOX.postJson(
                                "/clients",
                                "{\"type\":\"api_client\",\"tenant_id\":\"" + customer + "\",\"data\":{\"client_name\":"
                                        + "\"c\\u0000\"}}"),
                        400,
                        "invalid_value")))
                .isEqualTo("data.client_name");
        assertThat(field(assertError(
                        SANDBOX.postJson(
                                "/users",
                                "{\"tenant_id\":\"" + customer + "\",\"login\":\"u" + marker.substring(0, 8)
                                        + "\",\"contact\":{\"email\":\"a@example.com\",\"firstname\":\"\\u001b[2J\"}}"),
                        400,
                        "invalid_value")))
                .isEqualTo("contact.firstname");
        assertThat(field(assertError(
                        SANDBOX.putJson(
                                "/tenants/" + customer + "/offering_items",
                                "{\"offering_items\":[{\"name\":\"S\\r\\n\",\"usage_name\":\"storage\","
                                        + "\"measurement_unit\":\"bytes\"}]}"),
                        400,
                        "invalid_value")))
                .isEqualTo("offering_items[0].name");
        assertThat(field(assertError(
                        SANDBOX.postJson("/usages", "{\"items\":[" + row(customer, "stor\\u0000age", "1") + "]}"),
                        400,
                        "invalid_rows")))
                .isEqualTo("items[0].usage_name");
        assertThat(usageItems(customer)).isZero();
    }

    // 11
    @Test
    void aCharsetOtherThanUtf8IsUnsupported() {
        String name = "charset " + UUID.randomUUID();
        for (String type : List.of(
                "application/json; charset=latin1",
                "application/json;charset=ISO-8859-1",
                "application/json; charset=utf-16")) {
            assertError(send("POST", "/tenants", type, utf8(tenantBody(name))), 415, "unsupported_media_type");
        }
        UUID customer = SANDBOX.newCustomer();
        String csv = "tenant_id,usage_name,value,measured_at\r\n" + customer + ",storage,1," + NOW + "\r\n";
        assertError(send("POST", "/usages", "text/csv; charset=iso-8859-1", utf8(csv)), 415, "unsupported_media_type");
        assertThat(childNames()).doesNotContain(name);
        assertThat(usageItems(customer)).isZero();

        assertThat(send("POST", "/tenants", "application/json; charset=\"utf-8\"", utf8(tenantBody(name)))
                        .statusCode())
                .isEqualTo(201);
        assertThat(send("POST", "/usages", "text/csv; charset=UTF-8", utf8(csv)).statusCode())
                .isEqualTo(200);
    }

    // 12
    @Test
    void datesBeforeTheEpochAndNegativeQuotasAreRefusedNamingTheField() {
        UUID customer = SANDBOX.newCustomer();
        String once = "{\"result_action\":\"save\",\"parameters\":{\"tenant_id\":\"" + customer
                + "\",\"level\":\"itself\",\"kind\":\"usage_daily\",\"period\":{\"start\":\"START\",\"end\":\"2017-05-07\"}},"
                + "\"schedule\":{\"type\":\"once\"}GENERATION}";
        assertThat(field(assertError(
                        SANDBOX.postJson(
                                "/reports", once.replace("START", "0000-01-01").replace("GENERATION", "")),
                        400,
                        "invalid_value")))
                .isEqualTo("parameters.period.start");
        assertThat(field(assertError(
                        SANDBOX.postJson(
                                "/reports", once.replace("START", "1969-12-31").replace("GENERATION", "")),
                        400,
                        "invalid_value")))
                .isEqualTo("parameters.period.start");
        assertThat(field(assertError(
                        SANDBOX.postJson(
                                "/reports",
                                once.replace("START", "2017-05-01")
                                        .replace("GENERATION", ",\"generation_date\":\"0000-01-01\"")),
                        400,
                        "invalid_value")))
                .isEqualTo("generation_date");
        assertThat(field(assertError(
                        SANDBOX.postJson(
                                "/reports",
                                once.replace("START", "2017-05-01")
                                        .replace("GENERATION", ",\"generation_date\":\"+10000-01-01\"")),
                        400,
                        "invalid_value")))
                .isEqualTo("generation_date");
        assertThat(Api.json(SANDBOX.get("/tenants/" + customer + "/reports")).getJsonArray("items"))
                .isEmpty();

        String report = monthlyReport(customer);
        int before = runs(report);
        assertThat(field(assertError(
                        SANDBOX.postJson(
                                "/reports/" + report + "/runs",
                                "{\"period\":{\"start\":\"0000-01-01\",\"end\":\"2017-05-07\"}}"),
                        400,
                        "invalid_value")))
                .isEqualTo("period.start");
        assertThat(runs(report)).isEqualTo(before);
        assertThat(SANDBOX.postJson(
                                "/reports/" + report + "/runs",
                                "{\"period\":{\"start\":\"1970-01-01\",\"end\":\"1970-01-01\"}}")
                        .statusCode())
                .isEqualTo(201);

        String path = "/tenants/" + customer + "/offering_items";
        String item = "{\"offering_items\":[{\"usage_name\":\"storage\",\"measurement_unit\":\"bytes\","
                + "\"quota\":QUOTA}]}";
        assertThat(field(assertError(
                        SANDBOX.putJson(path, item.replace("QUOTA", "{\"value\":-1}")), 400, "invalid_value")))
                .isEqualTo("offering_items[0].quota.value");
        assertThat(field(assertError(
                        SANDBOX.putJson(path, item.replace("QUOTA", "{\"value\":10,\"overage\":-5}")),
                        400,
                        "invalid_value")))
                .isEqualTo("offering_items[0].quota.overage");
        assertThat(Api.json(SANDBOX.get(path)).getJsonArray("offering_items")).isEmpty();
        assertThat(SANDBOX.putJson(path, item.replace("QUOTA", "{\"value\":0,\"overage\":0}"))
                        .statusCode())
                .isEqualTo(200);
    }
}
