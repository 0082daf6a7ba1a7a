package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What an operator scrapes and probes (README "Metrics", "Health"): after readings come in and a
 * report runs, {@code /metrics} shows them in the Prometheus text format, beside Liberty's own
 * figures; the three health probes answer UP.
 */
class MetricsIT {

    private static final Sandbox SANDBOX = Sandbox.create();

    @Test
    void readingsAndRunsShowOnMetrics() throws InterruptedException {
        UUID customer = SANDBOX.newCustomer();
        double ingestedBefore = value(scrape(), "reports_readings_ingested_total", "");
        double savedBefore = value(scrape(), "reports_runs_total", "outcome=\"saved\"");

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        String items = "{\"items\":[" + reading(customer, now.minusSeconds(1)) + "," + reading(customer, now) + "]}";
        assertThat(SANDBOX.postJson("/usages", items).statusCode()).isEqualTo(200);
        assertThat(SANDBOX.postJson("/usages", "{\"items\":[" + reading(customer, now) + ",{}]}")
                        .statusCode())
                .as("a refused batch")
                .isEqualTo(400);

        JsonObject report = Api.json(SANDBOX.postJson(
                "/reports",
                "{\"result_action\":\"save\",\"schedule\":{\"type\":\"once\"},\"parameters\":{\"tenant_id\":\""
                        + customer + "\",\"level\":\"itself\",\"kind\":\"usage_summary\",\"formats\":[\"csv\"],"
                        + "\"period\":{\"start\":\"2017-05-01\",\"end\":\"2017-05-07\"}}}"));
        awaitSaved(report.getString("id"));

        // The worker records the run's outcome just after it commits the save: wait for it. An
        // in-server test's copy of the application that stopped just before took the gauges with
        // it; the poller registers them again within a poll: wait for that too.
        String metrics = scrape();
        Instant deadline = Instant.now().plusSeconds(10);
        while ((value(metrics, "reports_runs_total", "outcome=\"saved\"") == savedBefore
                        || !metrics.contains("reports_stored_bytes"))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            metrics = scrape();
        }
        assertThat(value(metrics, "reports_readings_ingested_total", ""))
                .as("only the committed batch counts")
                .isEqualTo(ingestedBefore + 2);
        assertThat(value(metrics, "reports_runs_total", "outcome=\"saved\"")).isGreaterThan(savedBefore);
        assertThat(value(metrics, "reports_run_duration_seconds_count", "kind=\"usage_summary\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "reports_run_duration_seconds_bucket", "kind=\"usage_summary\"", "le=\"+Inf\""))
                .isGreaterThanOrEqualTo(1);
        String gauges =
                metrics.lines().filter(l -> l.startsWith("reports_")).toList().toString();
        assertThat(value(metrics, "reports_runs_due", "")).as(gauges).isGreaterThanOrEqualTo(0);
        assertThat(value(metrics, "reports_stored_bytes", "")).as(gauges).isGreaterThan(0);
        assertThat(metrics)
                .as("Liberty's own HTTP and connection-pool figures")
                .contains("servlet_request_total")
                .contains("connectionpool_");
    }

    @Test
    void theHealthProbesAnswerUp() {
        for (String probe : new String[] {"/health/live", "/health/ready", "/health/started"}) {
            HttpResponse<String> answer = Api.get(Api.root() + probe);
            assertThat(answer.statusCode()).as(probe + ": " + answer.body()).isEqualTo(200);
            assertThat(Api.json(answer).getString("status")).isEqualTo("UP");
        }
    }

    private static String reading(UUID tenant, Instant at) {
        return "{\"tenant_id\":\"" + tenant + "\",\"usage_name\":\"storage\",\"value\":5,\"measured_at\":\"" + at
                + "\"}";
    }

    private static String scrape() {
        HttpResponse<String> answer = Api.get(Api.root() + "/metrics");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    /**
     * The value of the series {@code name} whose labels include each of {@code labels} (0 if it is
     * not there yet): Liberty adds labels of its own ({@code mp_scope}) and sorts them.
     */
    private static double value(String metrics, String name, String... labels) {
        Matcher line =
                Pattern.compile("(?m)^" + name + "\\{([^}]*)\\}\\s+(\\S+)").matcher(metrics);
        while (line.find()) {
            String found = line.group(1);
            if (Arrays.stream(labels).allMatch(found::contains)) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }

    private static void awaitSaved(String reportId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            for (JsonObject item : Api.json(SANDBOX.get("/reports/" + reportId + "/stored"))
                    .getJsonArray("items")
                    .getValuesAs(JsonObject.class)) {
                if (item.getString("status").equals("saved")) {
                    return;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The report was not saved within 90 s");
    }
}
