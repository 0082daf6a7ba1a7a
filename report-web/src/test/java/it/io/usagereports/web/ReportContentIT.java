package it.io.usagereports.web;

import static io.usagereports.model.directory.TenantKind.CUSTOMER;
import static io.usagereports.model.directory.TenantKind.FOLDER;
import static io.usagereports.model.directory.TenantKind.PARTNER;
import static io.usagereports.model.directory.TenantKind.UNIT;
import static io.usagereports.model.reports.ReportKind.USAGE_BREAKDOWN;
import static io.usagereports.model.reports.ReportKind.USAGE_CURRENT;
import static io.usagereports.model.reports.ReportKind.USAGE_DAILY;
import static io.usagereports.model.reports.ReportKind.USAGE_SUMMARY;
import static io.usagereports.model.reports.ReportLevel.ACCOUNTS;
import static io.usagereports.model.reports.ReportLevel.ALL_CUSTOMERS;
import static io.usagereports.model.reports.ReportLevel.ALL_PARTNERS;
import static io.usagereports.model.reports.ReportLevel.DIRECT_PARTNERS;
import static io.usagereports.model.reports.ReportLevel.ITSELF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.usagereports.client.Credentials;
import io.usagereports.client.ReportsClient;
import io.usagereports.client.UsageApi;
import io.usagereports.model.directory.Contact;
import io.usagereports.model.directory.Tenant;
import io.usagereports.model.directory.TenantKind;
import io.usagereports.model.directory.TenantUpdate;
import io.usagereports.model.directory.User;
import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.usage.OfferingItem;
import io.usagereports.model.usage.OfferingItems;
import io.usagereports.model.usage.UsageBatch;
import io.usagereports.model.usage.UsageReading;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The content of {@code csv_v2_0} and {@code json_v2_0} reports (docs/api.md §3 and §6), for every kind
 * and every level, compared with a computation written here, independently of the server: a
 * model of the tenant tree, its users, offering items and readings, and an expected-report
 * builder over that model.
 *
 * <p>The data is random but seeded: a failure names its seed, and
 * {@code -Dreport.content.seed=<seed>} rebuilds the same tree, names and readings. All of it
 * lives in this test's own {@link Sandbox} partner, which is the subject of every report. Every
 * report is created first and awaited afterwards, so the server generates them side by side.
 */
class ReportContentIT {

    /** The seed of all random data; printed in every assertion message. */
    private static final long SEED = Long.getLong("report.content.seed", 20_260_105L);

    private static final Sandbox SANDBOX = Sandbox.create();
    private static final UsageApi USAGE = ReportsClient.usage(
            Sandbox.BASE, Credentials.client(SANDBOX.client.clientId().toString(), SANDBOX.client.clientSecret()));
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The period of every report (a past one: every tenant is created long after it). */
    private static final Period PERIOD = new Period(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-12"));
    /** The period of the reports in a time zone with a daylight saving change inside it (late March in Europe). */
    private static final Period DST_PERIOD = new Period(LocalDate.parse("2026-03-26"), LocalDate.parse("2026-04-01"));
    /** Readings start two weeks before the period (carried into it) and end a week after it (ignored by it). */
    private static final Instant READINGS_FROM = Instant.parse("2025-12-20T00:00:00Z");

    private static final Instant READINGS_UNTIL = Instant.parse("2026-01-21T00:00:00Z");
    private static final Instant PERIOD_START = startOf(PERIOD.start());
    private static final Instant AFTER_PERIOD = startOf(PERIOD.end().plusDays(1));

    private static final Duration GENERATION_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final String CSV = ReportFormat.CSV_V2_0.wire();
    private static final String JSON = ReportFormat.JSON_V2_0.wire();
    private static final String CSV_HEADER = "tenant_id,tenant_name,tenant_kind,parent_id,user_id,usage_name,edition,"
            + "measurement_unit,sku,date,value,start_value,end_value,delta,change";

    /** The platform's numeric codes of kinds and levels in {@code json_v2_0} params. */
    private static final Map<ReportKind, Integer> KIND_CODES =
            Map.of(USAGE_CURRENT, 8, USAGE_SUMMARY, 5, USAGE_DAILY, 4, USAGE_BREAKDOWN, 6);

    private static final Map<ReportLevel, Integer> LEVEL_CODES =
            Map.of(ITSELF, 0, DIRECT_PARTNERS, 1, ALL_CUSTOMERS, 2, ACCOUNTS, 3, ALL_PARTNERS, 4);

    /**
     * Tenant names: commas and quotes (CSV quoting), names equal but for case (ordering by
     * String.compareTo), non-ASCII letters (UTF-8). None starts or ends with a character a CSV
     * writer might quote defensively, so quoting is needed exactly where RFC 4180 needs it.
     */
    private static final List<String> NAMES = List.of(
            "Acme, \"Ltd\"",
            "Acme Ltd",
            "alpha",
            "Beta",
            "beta",
            "Gamma \"G\" Co",
            "Delta, Inc.",
            "Zeta",
            "Ünïcode GmbH",
            "Émile & Fils",
            "Omega",
            "omega");

    /** Usages with random histories; "devices" and "storage" come in editions. */
    private static final List<Key> REGULAR = List.of(
            new Key("storage", ""),
            new Key("storage", "premium"),
            new Key("devices", ""),
            new Key("devices", "standard"),
            new Key("devices", "advanced"),
            new Key("vms", ""),
            new Key("mailboxes", ""));
    /** Read, but every reading is 0: hidden by hide_zero_usage. */
    private static final Key ZEROES = new Key("zeroes", "");
    /** Read only after the period: absent from period reports, present in usage_current. */
    private static final Key LATE = new Key("late", "");
    /** Non-zero only on the day before the period: kept by usage_breakdown with hide_zero_usage only. */
    private static final Key BLIP = new Key("blip", "");
    /** Offered but never read: lines of zeros on the tenant rows above the offer. */
    private static final Key LICENSES = new Key("licenses", "");

    private static final List<Key> OFFERED = List.of(
            new Key("storage", ""),
            new Key("storage", "premium"),
            new Key("devices", "advanced"),
            new Key("vms", ""),
            LICENSES);
    private static final List<String> UNITS = List.of("bytes", "quantity", "seconds");
    /** What a line without an offering item shows. */
    private static final Offer NO_OFFER = new Offer("quantity", null);

    /**
     * The time zones of the reports not in UTC, chosen by the seed: one whose clocks change inside
     * {@link #DST_PERIOD} (2026-03-29 in Europe), one with a non-whole-hour offset, and another.
     */
    private static final ZoneId DST_ZONE;

    private static final ZoneId KATHMANDU = ZoneId.of("Asia/Kathmandu");
    private static final ZoneId ANY_ZONE;

    static {
        // Long-settled zones only: the database draws days by its own zone data, this test by Java's,
        // and the two may differ for a zone whose rules changed recently.
        Random zones = new Random(SEED ^ 0x7A0E5L);
        List<String> changing = List.of(
                "Europe/Berlin",
                "Europe/London",
                "Europe/Helsinki",
                "Europe/Lisbon",
                "Europe/Madrid",
                "Europe/Warsaw",
                "Europe/Paris");
        List<String> any = List.of(
                "America/New_York",
                "America/Los_Angeles",
                "America/St_Johns",
                "America/Sao_Paulo",
                "Asia/Kolkata",
                "Asia/Tokyo",
                "Australia/Adelaide",
                "Australia/Sydney",
                "Pacific/Auckland",
                "Africa/Johannesburg",
                "Asia/Tehran");
        DST_ZONE = ZoneId.of(changing.get(zones.nextInt(changing.size())));
        ANY_ZONE = ZoneId.of(any.get(zones.nextInt(any.size())));
    }

    private static World world;
    private static List<Generated> generated;

    // ---------------------------------------------------------------------------------------
    // The test
    // ---------------------------------------------------------------------------------------

    @BeforeAll
    static void generateEveryReport() throws InterruptedException {
        world = World.build(new Random(SEED));
        world.zoneReadings(List.of(DST_ZONE, KATHMANDU, ANY_ZONE));
        world.send();
        world.renameSome();
        Map<UUID, ReportCase> created = new LinkedHashMap<>();
        for (ReportCase report : cases()) {
            created.put(
                    SANDBOX.reports
                            .createReport(report.definition(world.subject.id))
                            .id(),
                    report);
        }
        generated = awaitSaved(created);
    }

    /**
     * Every kind at every level (UTC, the default), plus variants with hide_zero_usage and
     * show_skus, plus every kind in three other time zones.
     */
    private static List<ReportCase> cases() {
        List<ReportCase> cases = new ArrayList<>();
        for (ReportKind kind : ReportKind.values()) {
            for (ReportLevel level : ReportLevel.values()) {
                cases.add(new ReportCase(kind, level, false, false, null, PERIOD));
            }
        }
        cases.add(new ReportCase(USAGE_CURRENT, ACCOUNTS, true, true, null, PERIOD));
        cases.add(new ReportCase(USAGE_SUMMARY, ALL_CUSTOMERS, false, true, null, PERIOD));
        cases.add(new ReportCase(USAGE_DAILY, DIRECT_PARTNERS, true, false, null, PERIOD));
        cases.add(new ReportCase(USAGE_BREAKDOWN, ACCOUNTS, true, true, null, PERIOD));
        for (ReportKind kind : ReportKind.values()) {
            cases.add(new ReportCase(kind, ALL_CUSTOMERS, false, false, DST_ZONE, DST_PERIOD));
            cases.add(new ReportCase(kind, ACCOUNTS, false, false, DST_ZONE, DST_PERIOD));
            cases.add(new ReportCase(kind, ALL_CUSTOMERS, false, false, KATHMANDU, PERIOD));
            cases.add(new ReportCase(kind, ACCOUNTS, true, false, KATHMANDU, PERIOD));
            cases.add(new ReportCase(kind, ITSELF, false, false, ANY_ZONE, PERIOD));
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyKindAndLevelMatchesAnIndependentComputation() {
        return generated.stream()
                .flatMap(g -> Stream.of(
                        dynamicTest(g.report().label() + " " + CSV, () -> assertCsv(g)),
                        dynamicTest(g.report().label() + " " + JSON, () -> assertJson(g))));
    }

    private static void assertCsv(Generated g) {
        String context = context(g, CSV);
        String actual = download(g, CSV, context);
        String expected = expectedCsv(expect(g));

        assertThat(actual.split("\r\n", -1)).as(context + ": lines").containsExactly(expected.split("\r\n", -1));
        assertThat(actual).as(context + ": the whole file (CRLF, no BOM)").isEqualTo(expected);
    }

    private static void assertJson(Generated g) {
        String context = context(g, JSON);
        JsonObject actual =
                Json.createReader(new StringReader(download(g, JSON, context))).readObject();
        JsonObject expected = expectedJson(expect(g));

        assertThat(actual.keySet()).as(context + ": top level").containsExactlyInAnyOrder("params", "tenants");
        assertThat(actual.getJsonObject("params")).as(context + ": params").isEqualTo(expected.getJsonObject("params"));
        JsonArray actualTenants = actual.getJsonArray("tenants");
        JsonArray expectedTenants = expected.getJsonArray("tenants");
        assertThat(ids(actualTenants))
                .as(context + ": one object per tenant row, in row order")
                .containsExactlyElementsOf(ids(expectedTenants));
        for (int i = 0; i < expectedTenants.size(); i++) {
            assertThat(actualTenants.get(i))
                    .as(context + ": tenants[" + i + "] "
                            + expectedTenants.getJsonObject(i).getString("name"))
                    .isEqualTo(expectedTenants.get(i));
        }
        assertThat(actual).as(context).isEqualTo(expected);
    }

    private static List<String> ids(JsonArray tenants) {
        return tenants.getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("id", null))
                .toList();
    }

    private static String context(Generated g, String format) {
        return "seed " + SEED + " (rerun with -Dreport.content.seed=" + SEED + "), report " + g.id() + " "
                + g.report().label() + " " + format;
    }

    // ---------------------------------------------------------------------------------------
    // Talking to the server: runs, stored outputs, downloads
    // ---------------------------------------------------------------------------------------

    /** Polls every report's stored outputs until all are saved; none may fail. */
    private static List<Generated> awaitSaved(Map<UUID, ReportCase> created) throws InterruptedException {
        Map<UUID, Map<String, UUID>> saved = new LinkedHashMap<>();
        Instant deadline = Instant.now().plus(GENERATION_TIMEOUT);
        while (saved.size() < created.size()) {
            for (Map.Entry<UUID, ReportCase> report : created.entrySet()) {
                if (saved.containsKey(report.getKey())) {
                    continue;
                }
                String context = "seed " + SEED + ", report " + report.getKey() + " "
                        + report.getValue().label();
                HttpResponse<String> response = SANDBOX.get("/reports/" + report.getKey() + "/stored");
                assertThat(response.statusCode())
                        .as(context + ": " + response.body())
                        .isEqualTo(200);
                List<JsonObject> items =
                        Api.json(response).getJsonArray("items").getValuesAs(JsonObject.class);
                assertThat(items)
                        .as(context + ": stored outputs")
                        .noneMatch(i -> "failed".equals(i.getString("status")));
                if (!items.isEmpty() && items.stream().allMatch(i -> "saved".equals(i.getString("status")))) {
                    Map<String, UUID> byFormat = items.stream()
                            .collect(Collectors.toMap(
                                    i -> i.getString("report_format"), i -> UUID.fromString(i.getString("id"))));
                    assertThat(byFormat.keySet())
                            .as(context + ": one output per format")
                            .containsExactlyInAnyOrder(CSV, JSON);
                    saved.put(report.getKey(), byFormat);
                }
            }
            if (saved.size() < created.size()) {
                assertThat(Instant.now())
                        .as("seed " + SEED + ": reports not saved after " + GENERATION_TIMEOUT + ": "
                                + created.keySet().stream()
                                        .filter(id -> !saved.containsKey(id))
                                        .toList())
                        .isBefore(deadline);
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        }
        return created.entrySet().stream()
                .map(r -> new Generated(r.getValue(), r.getKey(), saved.get(r.getKey()), dueAt(r.getKey())))
                .toList();
    }

    /** When the report's one run was due: its "now", which dates usage_current and gen_date. */
    private static Instant dueAt(UUID report) {
        HttpResponse<String> response = SANDBOX.get("/reports/" + report + "/runs");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonArray runs = Api.json(response).getJsonArray("items");
        assertThat(runs).as("seed " + SEED + ", runs of report " + report).hasSize(1);
        return OffsetDateTime.parse(runs.getJsonObject(0).getString("due_at")).toInstant();
    }

    /**
     * A stored output as the server decompresses it (no Accept-Encoding), checked against the
     * gzip-encoded download of the same output, which must inflate to the same bytes.
     */
    private static String download(Generated g, String format, String context) {
        String path = "/reports/" + g.id() + "/stored/" + g.stored().get(format);
        HttpResponse<byte[]> plain = sendForBytes(SANDBOX.request(path).GET());
        assertThat(plain.statusCode()).as(context + ": download").isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding").orElse("identity"))
                .as(context)
                .isEqualTo("identity");
        HttpResponse<byte[]> gzip = sendForBytes(
                SANDBOX.request(path).header("Accept-Encoding", "gzip").GET());
        assertThat(gzip.statusCode()).as(context + ": gzip download").isEqualTo(200);
        assertThat(gzip.headers().firstValue("Content-Encoding"))
                .as(context + ": gzip download")
                .hasValue("gzip");
        assertThat(gunzip(gzip.body())).as(context + ": gzip download inflated").isEqualTo(plain.body());
        return new String(plain.body(), StandardCharsets.UTF_8);
    }

    private static HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gunzip(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------
    // The expected report, computed from the model
    // ---------------------------------------------------------------------------------------

    /**
     * The expected content of a generated report: its dates by kind, its rows by level, and for
     * each row its lines, from the readings and offering items of the model alone.
     */
    private static Expected expect(Generated g) {
        ReportCase report = g.report();
        ZoneId zone = report.zoneOrUtc();
        // usage_current reports the end of the day before the run was due (in the report's zone); the period is ignored
        LocalDate begin = report.kind() == USAGE_CURRENT
                ? LocalDate.ofInstant(g.dueAt(), zone).minusDays(1)
                : report.period().start();
        LocalDate end = report.kind() == USAGE_CURRENT ? begin : report.period().end();
        List<LocalDate> dates = switch (report.kind()) {
            case USAGE_CURRENT -> List.of(begin);
            case USAGE_SUMMARY -> List.of(begin, end);
            case USAGE_DAILY -> begin.datesUntil(end.plusDays(1)).toList();
            case USAGE_BREAKDOWN ->
                begin.minusDays(1).datesUntil(end.plusDays(1)).toList();
        };
        Instant cutoff = startOf(end.plusDays(1), zone);

        List<TenantRow> rows = new ArrayList<>();
        for (Node tenant : rowTenants(report.level(), end, zone)) {
            Set<Node> subtree = new HashSet<>(tenant.subtree());
            List<Series> members = world.readings.keySet().stream()
                    .filter(s -> subtree.contains(s.tenant()))
                    .toList();
            SortedSet<Key> keys = keysRead(members, cutoff);
            subtree.forEach(t -> keys.addAll(t.offers.keySet()));
            List<RowUsage> usages = usages(report, dates, members, keys, key -> nearestOffer(tenant, key));

            List<UserRow> users = new ArrayList<>();
            if (report.level() == ACCOUNTS) {
                for (Account user : tenant.usersByLogin()) {
                    List<Series> own = world.readings.keySet().stream()
                            .filter(s -> user.equals(s.user()))
                            .toList();
                    SortedSet<Key> userKeys = keysRead(own, cutoff);
                    if (!userKeys.isEmpty()) { // only users with readings of their own in the report's time
                        users.add(new UserRow(user, usages(report, dates, own, userKeys, tenant.offers::get)));
                    }
                }
            }
            rows.add(new TenantRow(tenant, usages, users));
        }
        return new Expected(report, g.dueAt(), begin, end, rows);
    }

    /** The tenant rows of a level, depth-first, siblings by their name at the end of {@code day}, then ID. */
    private static List<Node> rowTenants(ReportLevel level, LocalDate day, ZoneId zone) {
        if (level == ITSELF) {
            return List.of(world.subject);
        }
        List<Node> rows = new ArrayList<>();
        collectRows(world.subject, level, day, zone, rows);
        return rows;
    }

    private static void collectRows(Node parent, ReportLevel level, LocalDate day, ZoneId zone, List<Node> rows) {
        for (Node child : parent.childrenByName(day, zone)) {
            boolean account = child.kind == PARTNER || child.kind == CUSTOMER;
            if (level == ALL_PARTNERS ? child.kind == PARTNER : account) {
                rows.add(child);
            }
            if (!(level == DIRECT_PARTNERS && account)) { // direct partners: look through folders only
                collectRows(child, level, day, zone, rows);
            }
        }
    }

    /** The usages read by any of {@code members} before {@code cutoff}, in line order. */
    private static SortedSet<Key> keysRead(List<Series> members, Instant cutoff) {
        SortedSet<Key> keys = new TreeSet<>();
        for (Series series : members) {
            if (world.readings.get(series).firstKey().isBefore(cutoff)) {
                keys.add(series.key());
            }
        }
        return keys;
    }

    /** A row's lines: per usage, the sum of its members' values at each date. */
    private static List<RowUsage> usages(
            ReportCase report,
            List<LocalDate> dates,
            List<Series> members,
            SortedSet<Key> keys,
            Function<Key, Offer> offers) {
        List<RowUsage> usages = new ArrayList<>();
        for (Key key : keys) {
            long[] values = new long[dates.size()];
            for (Series series : members) {
                if (series.key().equals(key)) {
                    for (int i = 0; i < values.length; i++) {
                        values[i] += valueAt(world.readings.get(series), dates.get(i), report.zoneOrUtc());
                    }
                }
            }
            if (report.hideZeroUsage() && Arrays.stream(values).allMatch(v -> v == 0)) {
                continue;
            }
            Offer offer = Optional.ofNullable(offers.apply(key)).orElse(NO_OFFER);
            usages.add(new RowUsage(key, offer, lines(report.kind(), dates, values)));
        }
        return usages;
    }

    /** A gauge's value at the end of a day in {@code zone}: its latest reading before the next midnight there, else 0. */
    private static long valueAt(NavigableMap<Instant, Long> readings, LocalDate day, ZoneId zone) {
        Map.Entry<Instant, Long> latest = readings.lowerEntry(startOf(day.plusDays(1), zone));
        return latest == null ? 0 : latest.getValue();
    }

    /**
     * The offering item of the tenant nearest to the row tenant in its subtree (itself first,
     * then its children, …; at one depth the lowest ID), or null.
     */
    private static Offer nearestOffer(Node tenant, Key key) {
        for (List<Node> depth = List.of(tenant);
                !depth.isEmpty();
                depth = depth.stream().flatMap(n -> n.children.stream()).toList()) {
            Optional<Node> nearest =
                    depth.stream().filter(n -> n.offers.containsKey(key)).min(Comparator.comparing((Node n) -> n.id));
            if (nearest.isPresent()) {
                return nearest.get().offers.get(key);
            }
        }
        return null;
    }

    /** The lines of one usage by kind; {@code values} are at {@code dates}. */
    private static List<Line> lines(ReportKind kind, List<LocalDate> dates, long[] values) {
        int last = values.length - 1;
        return switch (kind) {
            case USAGE_CURRENT -> List.of(new Line(dates.get(0), values[0], null, null, null, null));
            case USAGE_SUMMARY ->
                List.of(new Line(null, null, values[0], values[last], values[last] - values[0], null));
            case USAGE_DAILY ->
                IntStream.rangeClosed(0, last)
                        .mapToObj(i -> new Line(dates.get(i), values[i], null, null, null, null))
                        .toList();
            // the first date is the day before the period: only the base of the first change
            case USAGE_BREAKDOWN ->
                IntStream.rangeClosed(1, last)
                        .mapToObj(i -> new Line(dates.get(i), values[i], null, null, null, values[i] - values[i - 1]))
                        .toList();
        };
    }

    private static String expectedCsv(Expected e) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append("\r\n");
        for (TenantRow row : e.rows()) {
            appendCsv(csv, e, row.tenant(), null, row.usages());
            for (UserRow user : row.users()) {
                appendCsv(csv, e, row.tenant(), user.user(), user.usages());
            }
        }
        return csv.toString();
    }

    private static void appendCsv(StringBuilder csv, Expected e, Node tenant, Account user, List<RowUsage> usages) {
        for (RowUsage usage : usages) {
            for (Line line : usage.lines()) {
                String sku = e.report().showSkus() ? usage.offer().sku() : null;
                List<String> fields = List.of(
                        tenant.id.toString(),
                        tenant.nameAt(e.end(), e.report().zoneOrUtc()),
                        tenant.kind.wire(),
                        tenant.parentId.toString(),
                        user == null ? "" : user.id().toString(),
                        usage.key().usage(),
                        usage.key().edition(),
                        usage.offer().unit(),
                        text(sku),
                        text(line.date()),
                        text(line.value()),
                        text(line.startValue()),
                        text(line.endValue()),
                        text(line.delta()),
                        text(line.change()));
                csv.append(fields.stream().map(ReportContentIT::csvField).collect(Collectors.joining(",")))
                        .append("\r\n");
            }
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** RFC 4180: quoted only when it holds a comma, a quote or a line break; quotes doubled. */
    private static String csvField(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\r") || value.contains("\n");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static JsonObject expectedJson(Expected e) {
        ReportCase report = e.report();
        ZoneId zone = report.zoneOrUtc();
        JsonObjectBuilder params = Json.createObjectBuilder()
                .add("kind", KIND_CODES.get(report.kind()))
                .add("report_type", KIND_CODES.get(report.kind()))
                .add("report_level", LEVEL_CODES.get(report.level()))
                .add("gen_date", e.dueAt().getEpochSecond())
                .add("begin_date", startOf(e.begin(), zone).getEpochSecond())
                .add("end_date", startOf(e.end(), zone).getEpochSecond())
                .add("name", world.subject.nameAt(e.end(), zone))
                .add("tenant_id", world.subject.id.toString())
                .add("kind_name", report.kind().wire())
                .add("level_name", report.level().wire());
        JsonArrayBuilder tenants = Json.createArrayBuilder();
        for (TenantRow row : e.rows()) {
            // the lines of the tenant's user rows follow its own, in the same array
            JsonArrayBuilder usages = Json.createArrayBuilder();
            appendJson(usages, report, null, row.usages());
            for (UserRow user : row.users()) {
                appendJson(usages, report, user.user(), user.usages());
            }
            tenants.add(Json.createObjectBuilder()
                    .add("id", row.tenant().id.toString())
                    .add("name", row.tenant().nameAt(e.end(), zone))
                    .add("kind", row.tenant().kind.wire())
                    .add("parent_id", row.tenant().parentId.toString())
                    .add("usages", usages));
        }
        return Json.createObjectBuilder()
                .add("params", params)
                .add("tenants", tenants)
                .build();
    }

    private static void appendJson(JsonArrayBuilder usages, ReportCase report, Account user, List<RowUsage> rowUsages) {
        for (RowUsage usage : rowUsages) {
            for (Line line : usage.lines()) {
                JsonObjectBuilder json = Json.createObjectBuilder()
                        .add("usage_name", usage.key().usage())
                        .add("edition", usage.key().edition())
                        .add("measurement_unit", usage.offer().unit());
                if (report.showSkus() && usage.offer().sku() != null) {
                    json.add("sku", usage.offer().sku());
                }
                if (user != null) {
                    json.add("user_id", user.id().toString());
                }
                if (line.date() != null) {
                    json.add("date", line.date().toString());
                }
                addIfPresent(json, "value", line.value());
                addIfPresent(json, "start_value", line.startValue());
                addIfPresent(json, "end_value", line.endValue());
                addIfPresent(json, "delta", line.delta());
                addIfPresent(json, "change", line.change());
                usages.add(json);
            }
        }
    }

    private static void addIfPresent(JsonObjectBuilder json, String name, Long value) {
        if (value != null) {
            json.add(name, value.longValue());
        }
    }

    private static Instant startOf(LocalDate day) {
        return startOf(day, ZoneOffset.UTC);
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static LocalDate utcDate(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    // ---------------------------------------------------------------------------------------
    // The model
    // ---------------------------------------------------------------------------------------

    /** A usage name and edition ("" for none): one line of a row, ordered by name, then edition. */
    private record Key(String usage, String edition) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byUsage = usage.compareTo(other.usage);
            return byUsage != 0 ? byUsage : edition.compareTo(other.edition);
        }
    }

    /** What an offering item puts on a line: its measurement unit and SKU (null for none). */
    private record Offer(String unit, String sku) {}

    /** A user of a tenant. */
    private record Account(UUID id, String login, Node tenant) {}

    /** One gauge: a tenant's own readings of one usage ({@code user} null), or one of its users'. */
    private record Series(Node tenant, Account user, Key key) {}

    /** A tenant as this test made it. */
    private static final class Node {
        final UUID id;
        final UUID parentId;
        final String name;
        final TenantKind kind;
        final int version;
        final int depth;
        final List<Node> children = new ArrayList<>();
        final List<Account> users = new ArrayList<>();
        /** Its own offering items. */
        final Map<Key, Offer> offers = new TreeMap<>();

        String newName;
        Instant renamedAt;

        Node(Tenant tenant, int depth) {
            this.id = tenant.id();
            this.parentId = tenant.parentId();
            this.name = tenant.name();
            this.kind = tenant.kind();
            this.version = tenant.version();
            this.depth = depth;
        }

        /** The name at the end of {@code day} in {@code zone}: the first one, unless renamed before then. */
        String nameAt(LocalDate day, ZoneId zone) {
            return renamedAt != null && renamedAt.isBefore(startOf(day.plusDays(1), zone)) ? newName : name;
        }

        List<Node> childrenByName(LocalDate day, ZoneId zone) {
            return children.stream()
                    .sorted(Comparator.comparing((Node n) -> n.nameAt(day, zone))
                            .thenComparing(n -> n.id))
                    .toList();
        }

        /** This tenant and every tenant below it. */
        List<Node> subtree() {
            List<Node> all = new ArrayList<>(List.of(this));
            children.forEach(child -> all.addAll(child.subtree()));
            return all;
        }

        List<Account> usersByLogin() {
            return users.stream().sorted(Comparator.comparing(Account::login)).toList();
        }
    }

    /**
     * The test's data: a tree under the sandbox partner (the report subject), users, offering
     * items and readings, kept here as the test's own truth and sent to the server.
     */
    private static final class World {
        final Random rnd;
        final Node subject;
        /** The subject first, then every tenant in creation order. */
        final List<Node> tenants = new ArrayList<>();

        final Map<Series, TreeMap<Instant, Long>> readings = new LinkedHashMap<>();

        private World(Random rnd, Node subject) {
            this.rnd = rnd;
            this.subject = subject;
            tenants.add(subject);
        }

        static World build(Random rnd) {
            World w = new World(rnd, new Node(SANDBOX.partner, 0));
            Node p = w.subject;
            // P ─┬─ folder f1 ─┬─ customer c1 ── unit u1 ── unit u1a
            //    │             ├─ folder f2 ─┬─ partner sp2 ── customer c5
            //    │             │             └─ customer c2
            //    │             └─ partner sp3 (no usage of its own)
            //    ├─ partner sp1 ─┬─ customer c3 ── unit u3
            //    │               ├─ folder f3 ── customer c4
            //    │               └─ partner sp1a ─┬─ customer c6
            //    │                                └─ folder (empty)
            //    ├─ customers c7 and c8, of the same name (ordered by ID)
            //    └─ customer c9 ── unit u9
            // plus one to three tenants in random places.
            Node f1 = w.tenant(p, FOLDER);
            Node c1 = w.tenant(f1, CUSTOMER);
            Node u1 = w.tenant(c1, UNIT);
            Node u1a = w.tenant(u1, UNIT);
            Node f2 = w.tenant(f1, FOLDER);
            Node sp2 = w.tenant(f2, PARTNER);
            Node c5 = w.tenant(sp2, CUSTOMER);
            Node c2 = w.tenant(f2, CUSTOMER);
            Node sp3 = w.tenant(f1, PARTNER);
            Node sp1 = w.tenant(p, PARTNER);
            Node c3 = w.tenant(sp1, CUSTOMER);
            w.tenant(c3, UNIT);
            Node f3 = w.tenant(sp1, FOLDER);
            Node c4 = w.tenant(f3, CUSTOMER);
            Node sp1a = w.tenant(sp1, PARTNER);
            Node c6 = w.tenant(sp1a, CUSTOMER);
            Node emptyFolder = w.tenant(sp1a, FOLDER);
            String twin = w.randomName();
            Node c7 = w.tenant(p, CUSTOMER, twin);
            w.tenant(p, CUSTOMER, twin);
            Node c9 = w.tenant(p, CUSTOMER);
            Node u9 = w.tenant(c9, UNIT);
            for (int i = rnd.nextInt(1, 4); i > 0; i--) {
                List<Node> parents = w.tenants.stream()
                        .filter(t -> t.kind == PARTNER || t.kind == FOLDER)
                        .toList();
                w.tenant(parents.get(rnd.nextInt(parents.size())), rnd.nextBoolean() ? CUSTOMER : PARTNER);
            }

            // tenant-level usage everywhere but a few quiet tenants (folder f1 and the units included)
            Set<Node> quiet = Set.of(sp3, emptyFolder, f2, f3, u9);
            for (Node tenant : List.copyOf(w.tenants)) {
                if (!quiet.contains(tenant)) {
                    w.randomUsage(tenant, null);
                }
            }
            w.series(c4, null, ZEROES, READINGS_FROM, READINGS_UNTIL, 8);
            w.series(c6, null, LATE, AFTER_PERIOD, READINGS_UNTIL, 6);
            w.reading(c2, null, BLIP, PERIOD_START.minus(12, ChronoUnit.HOURS), 5);
            w.reading(c2, null, BLIP, PERIOD_START.plus(1, ChronoUnit.HOURS), 0);
            w.series(u9, null, new Key("vms", ""), READINGS_FROM, PERIOD_START, 4); // carried in, constant

            // users: rows of level accounts when they have readings of their own in the report's time
            w.randomUsage(c1, w.user(c1));
            Account zero = w.user(c1);
            w.series(c1, zero, ZEROES, READINGS_FROM, READINGS_UNTIL, 6);
            w.randomUsage(c1, zero);
            w.user(c1); // no readings: never a row
            w.randomUsage(c3, w.user(c3));
            w.series(c3, w.user(c3), LATE, AFTER_PERIOD, READINGS_UNTIL, 5); // a row of usage_current only
            w.randomUsage(sp1, w.user(sp1)); // partners' users are rows too
            w.randomUsage(u1, w.user(u1)); // a unit's user: rolls up into c1, never a row
            w.randomUsage(c7, w.user(c7));
            w.randomUsage(p, w.user(p)); // the subject's own user: in its values, never a row

            // offering items
            w.offer(c2, LICENSES);
            w.offer(u1a, OFFERED.get(rnd.nextInt(OFFERED.size())));
            for (Node tenant : List.of(p, f1, c1, sp1, c3, sp1a, c6, c9, c5)) {
                if (rnd.nextBoolean()) {
                    List<Key> keys = new ArrayList<>(OFFERED);
                    Collections.shuffle(keys, rnd);
                    keys.subList(0, rnd.nextInt(1, 4)).forEach(key -> w.offer(tenant, key));
                }
            }
            return w;
        }

        String randomName() {
            return NAMES.get(rnd.nextInt(NAMES.size()));
        }

        Node tenant(Node parent, TenantKind kind) {
            return tenant(parent, kind, randomName());
        }

        Node tenant(Node parent, TenantKind kind, String name) {
            Node node = new Node(SANDBOX.directory.createTenant(Tenant.of(name, kind, parent.id)), parent.depth + 1);
            parent.children.add(node);
            tenants.add(node);
            return node;
        }

        /** A user whose login starts with random letters (its order) and ends unique to this run. */
        Account user(Node tenant) {
            String letters = rnd.ints(6, 'a', 'z' + 1)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString();
            String login = letters + "." + UUID.randomUUID().toString().substring(0, 8);
            User created = SANDBOX.directory.createUser(
                    User.of(tenant.id, login, new Contact(login + "@example.com", "Report", "Reader")));
            Account account = new Account(created.id(), created.login(), tenant);
            tenant.users.add(account);
            return account;
        }

        /** One to four regular usages, each with a random history over the whole span of readings. */
        void randomUsage(Node tenant, Account user) {
            List<Key> keys = new ArrayList<>(REGULAR);
            Collections.shuffle(keys, rnd);
            for (Key key : keys.subList(0, rnd.nextInt(1, 5))) {
                series(tenant, user, key, READINGS_FROM, READINGS_UNTIL, rnd.nextInt(3, 40));
            }
        }

        /** About {@code count} readings at random times in [from, until), some in pairs on one day. */
        void series(Node tenant, Account user, Key key, Instant from, Instant until, int count) {
            for (int i = 0; i < count; i++) {
                Instant at = randomInstant(from, until);
                reading(tenant, user, key, at, randomValue(key));
                if (rnd.nextInt(4) == 0) { // a later reading the same day: the later one is the day's value
                    Instant later = at.plusSeconds(rnd.nextLong(1, 6 * 3600));
                    if (later.isBefore(until) && utcDate(later).equals(utcDate(at))) {
                        reading(tenant, user, key, later, randomValue(key));
                    }
                }
            }
        }

        /**
         * Readings where the report's time zones draw their day boundaries: for about half the
         * regular series, a few readings over the DST period, and in each zone a reading at a local
         * midnight (the new day's) and one a second before it (the old day's).
         */
        void zoneReadings(List<ZoneId> zones) {
            Instant dstFrom = startOf(DST_PERIOD.start().minusDays(3));
            Instant dstUntil = startOf(DST_PERIOD.end().plusDays(2));
            for (Series series : List.copyOf(readings.keySet())) {
                if (!REGULAR.contains(series.key()) || rnd.nextBoolean()) {
                    continue;
                }
                for (int i = rnd.nextInt(2, 8); i > 0; i--) {
                    reading(
                            series.tenant(),
                            series.user(),
                            series.key(),
                            randomInstant(dstFrom, dstUntil),
                            randomValue(series.key()));
                }
                for (ZoneId zone : zones) {
                    Period period = zone.equals(zones.get(0)) ? DST_PERIOD : PERIOD;
                    LocalDate day = period.start()
                            .plusDays(rnd.nextInt(
                                    -1,
                                    (int) (period.end().toEpochDay()
                                                    - period.start().toEpochDay())
                                            + 2));
                    Instant midnight = startOf(day, zone);
                    reading(
                            series.tenant(),
                            series.user(),
                            series.key(),
                            midnight.minusSeconds(1),
                            randomValue(series.key()));
                    reading(series.tenant(), series.user(), series.key(), midnight, randomValue(series.key()));
                }
            }
        }

        /** One reading; a series never has two readings at one instant. */
        void reading(Node tenant, Account user, Key key, Instant at, long value) {
            readings.computeIfAbsent(new Series(tenant, user, key), s -> new TreeMap<>())
                    .putIfAbsent(at, value);
        }

        /** A random whole second in [from, until), both midnights; now and then a day's first or last second. */
        Instant randomInstant(Instant from, Instant until) {
            Instant at = Instant.ofEpochSecond(rnd.nextLong(from.getEpochSecond(), until.getEpochSecond()));
            return switch (rnd.nextInt(8)) {
                case 0 -> at.truncatedTo(ChronoUnit.DAYS); // midnight already belongs to the new day
                case 1 -> at.truncatedTo(ChronoUnit.DAYS).plusSeconds(86_399); // still the old one
                default -> at;
            };
        }

        /** Zero now and then; storage in bytes up to 10^15, other usages small counts. */
        long randomValue(Key key) {
            if (key.equals(ZEROES) || rnd.nextInt(8) == 0) {
                return 0;
            }
            return key.usage().equals("storage") ? rnd.nextLong(1, 1_000_000_000_000_001L) : rnd.nextLong(1, 10_000);
        }

        /**
         * An offering item whose unit and SKU depend only on the usage and the tenant's depth in
         * the tree, so that the nearest offering item of a row is never ambiguous, while items
         * at different depths differ (some without SKU).
         */
        void offer(Node tenant, Key key) {
            String unit = UNITS.get(Math.floorMod(key.usage().length() + tenant.depth, UNITS.size()));
            String sku = tenant.depth % 3 == 2
                    ? null
                    : "SKU-" + key.usage() + (key.edition().isEmpty() ? "" : "-" + key.edition()) + "-L" + tenant.depth;
            tenant.offers.put(key, new Offer(unit, sku));
        }

        /** Offering items, then every reading in two shuffled batches, a few of them sent twice. */
        void send() {
            for (Node tenant : tenants) {
                if (!tenant.offers.isEmpty()) {
                    USAGE.replaceOfferingItems(
                            tenant.id,
                            new OfferingItems(tenant.offers.entrySet().stream()
                                    .map(o -> new OfferingItem(
                                            (o.getKey().usage() + " "
                                                            + o.getKey().edition())
                                                    .strip(),
                                            o.getKey().usage(),
                                            o.getKey().edition().isEmpty()
                                                    ? null
                                                    : o.getKey().edition(),
                                            o.getValue().unit(),
                                            "infra",
                                            o.getValue().sku(),
                                            1,
                                            null))
                                    .toList()));
                }
            }
            List<UsageReading> batch = new ArrayList<>();
            readings.forEach((series, points) -> points.forEach((at, value) -> batch.add(new UsageReading(
                    series.tenant().id,
                    series.key().usage(),
                    series.key().edition().isEmpty() ? null : series.key().edition(),
                    series.user() == null ? null : series.user().id(),
                    value,
                    at))));
            for (int i = 0; i < 10; i++) {
                batch.add(batch.get(rnd.nextInt(batch.size()))); // stored once
            }
            Collections.shuffle(batch, rnd); // out of order, within and across batches
            int half = batch.size() / 2;
            USAGE.ingest(new UsageBatch(batch.subList(0, half)));
            USAGE.ingest(new UsageBatch(batch.subList(half, batch.size())));
        }

        /**
         * Renames the subject and three other tenants now, long after the period: reports keep
         * showing (and ordering by) their first names. The new names would sort first.
         */
        void renameSome() {
            List<Node> others = new ArrayList<>(tenants.subList(1, tenants.size()));
            Collections.shuffle(others, rnd);
            List<Node> renamed = new ArrayList<>(others.subList(0, 3));
            renamed.add(subject);
            for (int i = 0; i < renamed.size(); i++) {
                Node tenant = renamed.get(i);
                tenant.newName = SANDBOX.directory
                        .renameTenant(tenant.id, new TenantUpdate("AAA renamed " + i, tenant.version))
                        .name();
                tenant.renamedAt = Instant.now();
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Reports and their expected content
    // ---------------------------------------------------------------------------------------

    /** One report definition of this test; {@code zone} null: none sent, so UTC. */
    private record ReportCase(
            ReportKind kind, ReportLevel level, boolean hideZeroUsage, boolean showSkus, ZoneId zone, Period period) {

        /** Runs right away (once, no generation date), saved, in both machine-readable formats. */
        Report definition(UUID subject) {
            return Report.builder()
                    .resultAction(ResultAction.SAVE)
                    .parameters(ReportParameters.builder()
                            .tenantId(subject)
                            .level(level)
                            .kind(kind)
                            .formats(List.of(ReportFormat.CSV_V2_0, ReportFormat.JSON_V2_0))
                            .period(period)
                            .hideZeroUsage(hideZeroUsage)
                            .showSkus(showSkus)
                            .timezone(zone == null ? null : zone.getId())
                            .build())
                    .schedule(Schedule.once())
                    .build();
        }

        ZoneId zoneOrUtc() {
            return zone == null ? ZoneOffset.UTC : zone;
        }

        String label() {
            return kind.wire() + "/" + level.wire() + (hideZeroUsage ? " hide_zero_usage" : "")
                    + (showSkus ? " show_skus" : "") + (zone == null ? "" : " in " + zone + " " + period);
        }
    }

    /** A report the server generated: its stored output per format and when its run was due. */
    private record Generated(ReportCase report, UUID id, Map<String, UUID> stored, Instant dueAt) {}

    /** One line of a usage; the fields that do not apply to the kind are null. */
    private record Line(LocalDate date, Long value, Long startValue, Long endValue, Long delta, Long change) {}

    private record RowUsage(Key key, Offer offer, List<Line> lines) {}

    private record UserRow(Account user, List<RowUsage> usages) {}

    private record TenantRow(Node tenant, List<RowUsage> usages, List<UserRow> users) {}

    /** The expected report: {@code begin} and {@code end} are its first and last reported days. */
    private record Expected(ReportCase report, Instant dueAt, LocalDate begin, LocalDate end, List<TenantRow> rows) {}
}
