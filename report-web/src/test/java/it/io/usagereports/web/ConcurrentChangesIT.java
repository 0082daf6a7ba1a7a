package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.client.ApiErrorException;
import io.usagereports.client.ReportsApi;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportRevision;
import io.usagereports.model.reports.ReportUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Many clients changing one report at once, all claiming the same version: optimistic locking
 * must let exactly one through and keep the history free of lost or duplicated versions.
 */
class ConcurrentChangesIT {

    private static final int CLIENTS = 16;

    private static final Sandbox SANDBOX = Sandbox.create();

    private final ReportsApi api = SANDBOX.reports;

    /** Runs the calls at the same moment and returns each one's HTTP status. */
    private static List<Integer> race(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return call.call();
                    } catch (ApiErrorException e) {
                        return e.status();
                    }
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelUpdatesOfOneVersionLetExactlyOneWin() throws Exception {
        Report report = api.createReport(ReportTestData.monthlySave(SANDBOX.newCustomer()));
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            boolean flip = i % 2 == 0;
            calls.add(() -> {
                api.updateReport(
                        report.id(),
                        1,
                        ReportUpdate.builder()
                                .level(flip ? ReportLevel.ITSELF : ReportLevel.ALL_PARTNERS)
                                .build());
                return 200;
            });
        }

        List<Integer> statuses = race(calls);

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 200).hasSize(CLIENTS - 1).containsOnly(409);
        List<ReportRevision> history = api.revisions(report.id()).items();
        assertThat(history).extracting(ReportRevision::version).containsExactly(1, 2);
        assertThat(history.get(1).report()).isEqualTo(api.getReport(report.id()));
    }

    @Test
    void parallelUpdatesWithoutAVersionAreAllAppliedOneAfterAnother() throws Exception {
        Report report = api.createReport(ReportTestData.monthlySave(SANDBOX.newCustomer()));
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            calls.add(() -> {
                api.updateReport(report.id(), (String) null, ReportUpdate.empty());
                return 200;
            });
        }

        assertThat(race(calls)).containsOnly(200);

        List<ReportRevision> history = api.revisions(report.id()).items();
        assertThat(history)
                .extracting(ReportRevision::version)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, CLIENTS + 1).boxed().toList());
        assertThat(api.getReport(report.id()).version()).isEqualTo(CLIENTS + 1);
    }

    /**
     * Updates and deletes race for the same version, round after round. Each round has exactly
     * one winner. When an update wins, every other call is refused with 409 and the history
     * gains exactly that one version; when a delete wins, the report and its history are gone,
     * and the calls that came after it find nothing (404) or were refused before it (409).
     */
    @Test
    void parallelUpdatesAndDeletesOfOneVersionLetExactlyOneWin() throws Exception {
        for (int round = 0; round < 5; round++) {
            Report report = api.createReport(ReportTestData.monthlySave(SANDBOX.newCustomer()));
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                boolean delete = i % 4 == 0;
                calls.add(
                        delete
                                ? () -> {
                                    api.deleteReport(report.id(), 1);
                                    return 204;
                                }
                                : () -> {
                                    api.updateReport(report.id(), 1, ReportUpdate.empty());
                                    return 200;
                                });
            }

            List<Integer> statuses = race(calls);

            assertThat(statuses)
                    .filteredOn(s -> s == 200 || s == 204)
                    .as("round %d: %s", round, statuses)
                    .hasSize(1);
            if (statuses.contains(200)) {
                assertThat(statuses).filteredOn(s -> s != 200).containsOnly(409);
                assertThat(api.revisions(report.id()).items())
                        .extracting(ReportRevision::version)
                        .containsExactly(1, 2);
            } else {
                assertThat(statuses).filteredOn(s -> s != 204).isSubsetOf(404, 409);
                assertThat(ApiFailures.failure(() -> api.revisions(report.id())).status())
                        .isEqualTo(404);
            }
        }
    }
}
