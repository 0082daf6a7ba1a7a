package it.io.usagereports.web;

import static it.io.usagereports.web.ApiFailures.assertFails;
import static it.io.usagereports.web.ApiFailures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.client.ApiErrorException;
import io.usagereports.client.Credentials;
import io.usagereports.client.ReportsClient;
import io.usagereports.client.UsageApi;
import io.usagereports.model.directory.Tenant;
import io.usagereports.model.directory.TenantKind;
import io.usagereports.model.usage.OfferingItem;
import io.usagereports.model.usage.OfferingItems;
import io.usagereports.model.usage.TenantUsage;
import io.usagereports.model.usage.UsageBatch;
import io.usagereports.model.usage.UsageReading;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Usage ingestion, offering items and current usage (docs/api.md §3), over HTTP. */
class UsageIT {

    private static final Sandbox SANDBOX = Sandbox.create();
    private static final UsageApi USAGE = ReportsClient.usage(
            Sandbox.BASE, Credentials.client(SANDBOX.client.clientId().toString(), SANDBOX.client.clientSecret()));
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static UsageReading reading(UUID tenant, String usage, UUID user, long value, Instant at) {
        return new UsageReading(tenant, usage, null, user, value, at);
    }

    /** A fresh little tree: partner → customer (with a unit and a user), and a second customer. */
    private record Tree(UUID partner, UUID customer, UUID unit, UUID user, UUID otherCustomer) {
        static Tree create() {
            UUID partner = SANDBOX.directory
                    .createTenant(Tenant.partner("p", SANDBOX.partner.id()))
                    .id();
            UUID customer = SANDBOX.directory
                    .createTenant(Tenant.customer("c", partner))
                    .id();
            UUID unit = SANDBOX.directory
                    .createTenant(Tenant.of("u", TenantKind.UNIT, customer))
                    .id();
            UUID other = SANDBOX.directory
                    .createTenant(Tenant.customer("d", partner))
                    .id();
            return new Tree(partner, customer, unit, SANDBOX.newUser(customer), other);
        }
    }

    private static Map<String, TenantUsage> byName(List<TenantUsage> items) {
        return items.stream().collect(Collectors.toMap(TenantUsage::usageName, u -> u));
    }

    @Test
    void currentUsageIsTheLatestReadingOfEachSeriesRolledUpThroughTheTree() {
        Tree tree = Tree.create();
        List<UsageReading> readings = List.of(
                reading(tree.customer(), "storage", null, 100, NOW.minus(2, ChronoUnit.DAYS)),
                reading(tree.customer(), "storage", null, 300, NOW.minus(1, ChronoUnit.DAYS)),
                reading(tree.customer(), "storage", tree.user(), 50, NOW.minus(1, ChronoUnit.HOURS)),
                reading(tree.unit(), "storage", null, 7, NOW.minus(3, ChronoUnit.DAYS)),
                reading(tree.otherCustomer(), "storage", null, 1000, NOW.minus(1, ChronoUnit.DAYS)),
                reading(tree.otherCustomer(), "devices", null, 4, NOW.minus(1, ChronoUnit.DAYS)));

        assertThat(USAGE.ingest(new UsageBatch(readings)).received()).isEqualTo(6);

        TenantUsage customer = byName(USAGE.usage(tree.customer()).items()).get("storage");
        assertThat(customer.value())
                .as("own: latest tenant reading + the user's")
                .isEqualTo(350);
        assertThat(customer.absoluteValue()).as("with the unit below it").isEqualTo(357);
        assertThat(customer.measurementUnit()).isEqualTo("quantity");
        Map<String, TenantUsage> partner = byName(USAGE.usage(tree.partner()).items());
        assertThat(partner.get("storage").value()).isZero();
        assertThat(partner.get("storage").absoluteValue()).isEqualTo(1357);
        assertThat(partner.get("devices").absoluteValue()).isEqualTo(4);
        assertThat(USAGE.usages(tree.customer() + "," + tree.otherCustomer()).items())
                .extracting(TenantUsage::tenantId)
                .containsOnly(tree.customer(), tree.otherCustomer())
                .hasSize(3);
    }

    @Test
    void aReadingSentAgainIsStoredOnce() {
        Tree tree = Tree.create();
        UsageBatch batch = new UsageBatch(List.of(
                reading(tree.customer(), "storage", null, 10, NOW.minus(1, ChronoUnit.HOURS)),
                reading(tree.customer(), "storage", null, 10, NOW.minus(1, ChronoUnit.HOURS))));

        USAGE.ingest(batch);
        USAGE.ingest(batch);

        assertThat(byName(USAGE.usage(tree.customer()).items()).get("storage").value())
                .isEqualTo(10);
        assertThat(byName(USAGE.usage(tree.partner()).items()).get("storage").absoluteValue())
                .isEqualTo(10);
    }

    @Test
    void aBatchWithBadRowsStoresNothingAndNamesEachBadRow() {
        Tree tree = Tree.create();
        String body = "{\"items\":["
                + row(tree.customer(), "ok", "1", NOW) + ","
                + row(tree.customer(), "ok", "-5", NOW) + ","
                + row(tree.customer(), "ok", "2", NOW.minus(1, ChronoUnit.MINUTES)) + ","
                + row(tree.customer(), "ok", "3", NOW).replace("}", ",\"colour\":\"red\"}") + ","
                + row(tree.customer(), "ok", "4", NOW).replace(NOW.toString(), "yesterday") + ","
                + row(tree.customer(), "ok", "5", NOW.plus(1, ChronoUnit.DAYS)) + ","
                + "{\"tenant_id\":\"" + tree.customer() + "\",\"usage_name\":\"ok\",\"user_id\":\""
                + SANDBOX.newUser(tree.otherCustomer()) + "\",\"value\":1,\"measured_at\":\"" + NOW + "\"}"
                + "]}";

        JsonObject error = Api.assertError(SANDBOX.postJson("/usages", body), 400, "invalid_rows");

        JsonObject context = error.getJsonObject("context");
        assertThat(context.getInt("rejected")).isEqualTo(5);
        assertThat(context.getJsonArray("rows").getValuesAs(JsonObject.class))
                .extracting(r -> r.getInt("index") + ":" + r.getString("field"))
                .containsExactly("1:value", "3:colour", "4:measured_at", "5:measured_at", "6:user_id");
        assertThat(USAGE.usage(tree.customer()).items())
                .as("nothing of the batch was stored")
                .isEmpty();
    }

    private static String row(UUID tenant, String usage, String value, Instant at) {
        return "{\"tenant_id\":\"" + tenant + "\",\"usage_name\":\"" + usage + "\",\"value\":" + value
                + ",\"measured_at\":\"" + at + "\"}";
    }

    @Test
    void aTenantOutsideTheTokensReachRefusesTheWholeBatch() {
        Tree tree = Tree.create();
        Sandbox other = Sandbox.create();
        UUID foreign = other.newCustomer();

        ApiErrorException refused = failure(() -> USAGE.ingest(new UsageBatch(List.of(
                reading(tree.customer(), "storage", null, 1, NOW), reading(foreign, "storage", null, 1, NOW)))));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("tenant_access_denied");
        assertThat(refused.field()).isEqualTo("items[1].tenant_id");
        assertThat(USAGE.usage(tree.customer()).items()).isEmpty();
        assertFails(() -> USAGE.usage(foreign), 403, "tenant_access_denied");
    }

    @Test
    void csvUploadsTakeTheSameColumns() {
        Tree tree = Tree.create();
        String csv = "measured_at,tenant_id,usage_name,value,user_id\r\n"
                + NOW.minus(1, ChronoUnit.HOURS) + "," + tree.customer() + ",storage,40,\r\n"
                + NOW.minus(1, ChronoUnit.HOURS) + "," + tree.customer() + ",storage,2," + tree.user() + "\r\n";

        assertThat(USAGE.ingestCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))
                        .received())
                .isEqualTo(2);

        assertThat(byName(USAGE.usage(tree.customer()).items()).get("storage").value())
                .isEqualTo(42);
        assertFails(
                () -> USAGE.ingestCsv(
                        new ByteArrayInputStream("tenant,value\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8))),
                400,
                "invalid_csv");
        assertFails(
                () -> USAGE.ingestCsv(new ByteArrayInputStream(("tenant_id,usage_name,value,measured_at\r\n"
                                + tree.customer() + ",storage,lots," + NOW + "\r\n")
                        .getBytes(StandardCharsets.UTF_8))),
                400,
                "invalid_rows");
    }

    @Test
    void batchesMayBeLargerThanOrdinaryBodies() {
        Tree tree = Tree.create();
        List<UsageReading> readings = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            readings.add(
                    reading(tree.customer(), "storage-" + (i % 20), null, i, NOW.minus(i / 20, ChronoUnit.MINUTES)));
        }

        assertThat(USAGE.ingest(new UsageBatch(readings)).received()).isEqualTo(12_000);

        assertThat(USAGE.usage(tree.customer()).items()).hasSize(20);
        assertThat(byName(USAGE.usage(tree.customer()).items()).get("storage-0").value())
                .isZero();
    }

    @Test
    void offeringItemsAddUnitsAndSkus() {
        Tree tree = Tree.create();
        OfferingItem storage = new OfferingItem(
                "Storage", "storage", null, "bytes", "infra", "SKU-1", 1, new OfferingItem.Quota(1_000_000L, null));
        OfferingItem devices = new OfferingItem("Devices", "devices", "advanced", "quantity", "count", null, 1, null);

        OfferingItems stored =
                USAGE.replaceOfferingItems(tree.customer(), new OfferingItems(List.of(storage, devices)));

        assertThat(stored.offeringItems()).as("ordered by usage name").containsExactly(devices, storage);
        assertThat(USAGE.offeringItems(tree.customer())).isEqualTo(stored);
        USAGE.ingest(new UsageBatch(List.of(reading(tree.customer(), "storage", null, 5, NOW))));
        assertThat(byName(USAGE.usage(tree.customer()).items()).get("storage").measurementUnit())
                .isEqualTo("bytes");
        assertFails(
                () -> USAGE.replaceOfferingItems(
                        tree.customer(),
                        new OfferingItems(
                                List.of(new OfferingItem("x", "storage", null, null, null, null, null, null)))),
                400,
                "required_field",
                "offering_items[0].measurement_unit");
        assertThat(USAGE.replaceOfferingItems(tree.customer(), new OfferingItems(List.of()))
                        .offeringItems())
                .isEmpty();
    }
}
