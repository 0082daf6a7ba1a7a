package io.usagereports.bench;

import io.usagereports.client.Credentials;
import io.usagereports.client.DirectoryApi;
import io.usagereports.client.ReportsApi;
import io.usagereports.client.ReportsClient;
import io.usagereports.client.UsageApi;
import io.usagereports.model.directory.ApiClient;
import io.usagereports.model.directory.Tenant;
import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.runs.ReportRun;
import io.usagereports.model.runs.StoredReport;
import io.usagereports.model.runs.StoredStatus;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The provider-sized benchmark, in three steps run by {@code bench/run-benchmark.sh}:
 * <ol>
 * <li>{@code load}: against a running server, builds {@code partners} partners with
 * {@code customers} customers spread under them and ingests a reading per customer, usage name
 * and day through the API (CSV batches), sampling the server's heap;</li>
 * <li>{@code reports}: once the database has settled after the load, runs one report of each
 * kind to warm the server up, then creates {@code usage_summary} and {@code usage_daily} reports
 * of {@code all_customers} in {@code csv_v2_0} and waits for each, sampling the server's heap; it
 * checks the daily report's line count by streaming its download. With
 * {@code bench.sql.interleaved} (PostgreSQL), it times each report's own SQL ({@link ReportSql})
 * right after each run of the report;</li>
 * <li>{@code sql}: otherwise (H2 allows one process), with the server stopped, times the same
 * reports' own SQL (once untimed, then as often as the reports, the best kept).</li>
 * </ol>
 * Both print the ratio generation time / SQL time.
 * Figures go to standard output and to a properties file each step passes to the next.
 */
public final class Benchmark {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 1);

    private Benchmark() {}

    /** The dataset's size, from {@code bench.partners}, {@code bench.customers}, {@code bench.usages}, {@code bench.days}. */
    private record Scale(int partners, int customers, int usages, int days) {
        static Scale of(Properties p) {
            return new Scale(
                    Integer.parseInt(p.getProperty("bench.partners", "100")),
                    Integer.parseInt(p.getProperty("bench.customers", "10000")),
                    Integer.parseInt(p.getProperty("bench.usages", "20")),
                    Integer.parseInt(p.getProperty("bench.days", "31")));
        }
    }

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.putAll(System.getProperties());
        Path results = Path.of(p.getProperty("bench.results", "target/bench-results.properties"));
        switch (args.length == 0 ? "" : args[0]) {
            case "load" -> load(p, results);
            case "reports" -> reports(p, results);
            case "sql" -> sql(p, results);
            case "table" ->
                BenchmarkTable.print(
                        java.util.Arrays.stream(args).skip(1).map(Path::of).toList());
            default ->
                throw new IllegalArgumentException(
                        "Usage: Benchmark load|reports|sql|table (see bench/run-benchmark.sh)");
        }
    }

    private static void load(Properties p, Path results) throws Exception {
        URI base = URI.create(p.getProperty("bench.base", "http://localhost:9080/api/2"));
        Scale n = Scale.of(p);
        long pid = Long.parseLong(p.getProperty("bench.server.pid"));
        Properties out = new Properties();
        RootClient client = RootClient.create(p, base);
        Credentials credentials = client.credentials();
        DirectoryApi directory = ReportsClient.directory(base, credentials);

        long t0 = System.nanoTime();
        UUID top = directory
                .createTenant(
                        Tenant.partner("bench-" + UUID.randomUUID().toString().substring(0, 8), client.root()))
                .id();
        List<UUID> partnerIds = new ArrayList<>();
        for (int i = 0; i < n.partners(); i++) {
            partnerIds.add(directory
                    .createTenant(Tenant.partner(String.format("partner-%03d", i), top))
                    .id());
        }
        List<UUID> customerIds = parallel(
                4,
                n.customers(),
                i -> directory
                        .createTenant(
                                Tenant.customer(String.format("customer-%05d", i), partnerIds.get(i % n.partners())))
                        .id());
        out.setProperty("db", p.getProperty("bench.db", "?"));
        out.setProperty("customers", Integer.toString(n.customers()));
        print(out, "tenants.created", n.partners() + n.customers() + 1);
        print(out, "tenants.seconds", seconds(t0));

        long readings = (long) n.customers() * n.usages() * n.days();
        UsageApi usage = ReportsClient.usage(base, credentials);
        int perBatch = Integer.parseInt(p.getProperty("bench.batch", "100000"));
        int customersPerBatch = Math.max(1, perBatch / n.usages());
        List<int[]> batches = new ArrayList<>();
        for (int day = 0; day < n.days(); day++) {
            for (int from = 0; from < n.customers(); from += customersPerBatch) {
                batches.add(new int[] {day, from, Math.min(n.customers(), from + customersPerBatch)});
            }
        }
        long t1 = System.nanoTime();
        try (HeapSampler heap = new HeapSampler(pid)) {
            parallel(Integer.parseInt(p.getProperty("bench.senders", "2")), batches.size(), b -> {
                int[] batch = batches.get(b);
                return usage.ingestCsv(csv(customerIds, batch[0], batch[1], batch[2], n.usages()))
                        .received();
            });
            double s = seconds(t1);
            print(out, "ingestion.readings", readings);
            print(out, "ingestion.seconds", s);
            print(out, "ingestion.readings_per_second", Math.round(readings / s));
            print(out, "ingestion.peak_heap_mb", Math.round(heap.peakMb()));
        }

        out.setProperty("subject", top.toString());
        write(out, results);
    }

    private static void reports(Properties p, Path results) throws Exception {
        URI base = URI.create(p.getProperty("bench.base", "http://localhost:9080/api/2"));
        Scale n = Scale.of(p);
        long pid = Long.parseLong(p.getProperty("bench.server.pid"));
        Properties out = read(results);
        UUID top = UUID.fromString(out.getProperty("subject"));
        ReportsApi reports =
                ReportsClient.reports(base, RootClient.create(p, base).credentials());
        Period period = new Period(FIRST_DAY, FIRST_DAY.plusDays(n.days() - 1L));
        // Warm-up, not timed: one report of each kind, as timed below, so that the timed reports
        // measure a server whose code is compiled, as it is after its first few reports of this
        // size, and not the JIT compiler (a warm-up on 1/100 of the data left C2 compiling for 2-4 s
        // of CPU during the first timed reports: loops over 10,000 tenants that the small one never
        // ran that often). Each report's SQL is warmed up the same way. It also gets the client its token.
        // The daily report first: the garbage it leaves in the capped heap (collected in the old
        // generation by the next report, 2 s of collector CPU on H2) then weighs on the warm-up
        // summary, not on the first timed one.
        Map<ReportKind, UUID> warmUpRuns = new EnumMap<>(ReportKind.class);
        Map<ReportKind, Duration> lastTime = new EnumMap<>(ReportKind.class);
        for (ReportKind kind : List.of(ReportKind.USAGE_DAILY, ReportKind.USAGE_SUMMARY)) {
            long t = System.nanoTime();
            Report warmUp = createReport(reports, top, kind, period);
            awaitSaved(reports, warmUp.id(), Duration.ZERO);
            lastTime.put(kind, Duration.ofNanos(System.nanoTime() - t));
            warmUpRuns.put(kind, reports.runs(warmUp.id()).items().get(0).id());
        }
        // Each report is timed `repeats` times and the best kept: on a shared machine a run can
        // lose seconds to a neighbour, never gain them. Where the database allows it (not H2,
        // embedded in the server), each report's own SQL is timed right after each of its runs,
        // with the server idle: a neighbour's load moves both the same way within a minute, so
        // their ratio holds, where SQL timed minutes later compared different hours.
        boolean interleaved = Boolean.parseBoolean(p.getProperty("bench.sql.interleaved", "false"));
        int repeats = repeats(p);
        for (ReportKind kind : List.of(ReportKind.USAGE_SUMMARY, ReportKind.USAGE_DAILY)) {
            String name = kind == ReportKind.USAGE_SUMMARY ? "summary" : "daily";
            double best = Double.MAX_VALUE;
            double peakHeap = 0;
            List<String> times = new ArrayList<>();
            List<Double> sqlTimes = new ArrayList<>();
            try (ReportSql sql = interleaved
                            ? ReportSql.open(p, top, warmUpRuns.get(kind), kind, period.start(), period.end())
                            : null;
                    HeapSampler heap = new HeapSampler(pid).awaitFirstSample()) {
                if (sql != null) {
                    sql.time(); // once untimed: it compiles the code, as the server's warm-up did
                }
                for (int r = 0; r < repeats; r++) {
                    heap.resetPeak();
                    long t = System.nanoTime();
                    Report report = createReport(reports, top, kind, period);
                    StoredReport stored =
                            awaitSaved(reports, report.id(), lastTime.get(kind).dividedBy(2));
                    double s = seconds(t);
                    lastTime.put(kind, Duration.ofNanos(System.nanoTime() - t));
                    best = Math.min(best, s);
                    peakHeap = Math.max(peakHeap, heap.peakMb());
                    times.add(String.format(Locale.ROOT, "%.2f", s));
                    if (r == 0) {
                        print(out, name + ".compressed_mb", Math.round(stored.size() / 1e6));
                        ReportRun run = reports.runs(report.id()).items().get(0);
                        out.setProperty(name + ".run_id", run.id().toString());
                        out.setProperty(name + ".report_id", report.id().toString());
                        if (kind == ReportKind.USAGE_DAILY) {
                            countDailyLines(reports, report, stored, n, out);
                        }
                    }
                    if (sql != null) {
                        sqlTimes.add(sql.time());
                    }
                }
                print(out, name + ".seconds", Math.round(best * 100) / 100.0);
                print(out, name + ".seconds_each", String.join(" ", times));
                print(out, name + ".peak_heap_mb", Math.round(peakHeap));
                if (sql != null) {
                    printSql(out, name, sqlTimes, sql.rows());
                }
            }
        }
        out.setProperty("period.start", period.start().toString());
        out.setProperty("period.end", period.end().toString());
        write(out, results);
    }

    private static void countDailyLines(ReportsApi reports, Report report, StoredReport stored, Scale n, Properties out)
            throws IOException {
        try (InputStream in = reports.openStored(report.id(), stored.id())) {
            long expected = (long) (n.partners() + n.customers()) * n.usages() * n.days() + 1;
            long lines = countLines(in);
            print(out, "daily.lines", lines);
            if (lines != expected) {
                throw new IllegalStateException("The daily report has " + lines + " lines, not " + expected);
            }
        }
    }

    private static int repeats(Properties p) {
        return Math.max(1, Integer.parseInt(p.getProperty("bench.repeats", "3")));
    }

    /** An API client of the root tenant, made by the administrator, as a script would use. */
    private record RootClient(UUID root, Credentials credentials) {
        static RootClient create(Properties p, URI base) {
            Credentials admin =
                    Credentials.login(p.getProperty("bench.admin", "admin"), p.getProperty("bench.password"));
            DirectoryApi adminDirectory = ReportsClient.directory(base, admin);
            UUID root = adminDirectory.me().tenantId();
            ApiClient client = adminDirectory.createClient(ApiClient.forTenant(root, "benchmark"));
            return new RootClient(root, Credentials.client(client.clientId().toString(), client.clientSecret()));
        }
    }

    private static Properties read(Path results) throws IOException {
        Properties out = new Properties();
        try (var r = Files.newBufferedReader(results)) {
            out.load(r);
        }
        return out;
    }

    private static void write(Properties out, Path results) throws IOException {
        Files.createDirectories(results.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(results)) {
            out.store(w, "usage-reports benchmark");
        }
    }

    /** Times each report's own SQL with the server stopped (H2: one process at a time). */
    private static void sql(Properties p, Path results) throws Exception {
        Properties out = read(results);
        LocalDate start = LocalDate.parse(out.getProperty("period.start"));
        LocalDate end = LocalDate.parse(out.getProperty("period.end"));
        UUID subject = UUID.fromString(out.getProperty("subject"));
        for (var kind : List.of(ReportKind.USAGE_SUMMARY, ReportKind.USAGE_DAILY)) {
            String name = kind == ReportKind.USAGE_SUMMARY ? "summary" : "daily";
            UUID runId = UUID.fromString(out.getProperty(name + ".run_id"));
            try (ReportSql sql = ReportSql.open(p, subject, runId, kind, start, end)) {
                // Once untimed (it compiles the code, as the server's warm-up did), then timed as
                // often as the reports were, keeping the best.
                sql.time();
                List<Double> times = new ArrayList<>();
                for (int r = 0; r < repeats(p); r++) {
                    times.add(sql.time());
                }
                printSql(out, name, times, sql.rows());
            }
        }
        write(out, results);
    }

    /** The SQL's times, the best, and the ratio of the report's best time to it. */
    private static void printSql(Properties out, String name, List<Double> times, long rows) {
        double best = times.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        print(
                out,
                name + ".sql_seconds_each",
                String.join(
                        " ",
                        times.stream()
                                .map(t -> String.format(Locale.ROOT, "%.2f", t))
                                .toList()));
        print(out, name + ".sql_rows", rows);
        print(out, name + ".sql_seconds", Math.round(best * 100) / 100.0);
        print(
                out,
                name + ".ratio",
                Math.round(Double.parseDouble(out.getProperty(name + ".seconds")) / best * 100) / 100.0);
    }

    /** One CSV batch: every usage of customers [from, to) on one day, at a random time of that day. */
    private static InputStream csv(List<UUID> customers, int day, int from, int to, int usages) {
        SplittableRandom random = new SplittableRandom(31L * day + from);
        StringBuilder csv = new StringBuilder((to - from) * usages * 100);
        csv.append("tenant_id,usage_name,value,measured_at\r\n");
        LocalDate date = FIRST_DAY.plusDays(day);
        for (int c = from; c < to; c++) {
            String tenant = customers.get(c).toString();
            for (int u = 0; u < usages; u++) {
                int seconds = random.nextInt(86_400);
                csv.append(tenant)
                        .append(",usage-")
                        .append(u < 10 ? "0" : "")
                        .append(u)
                        .append(',')
                        .append(random.nextLong(1L << 40))
                        .append(',')
                        .append(date)
                        .append('T')
                        .append(String.format(
                                Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60))
                        .append("+00:00\r\n");
            }
        }
        return new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A {@code csv_v2_0} report of every customer below {@code subject}, run once at once. */
    private static Report createReport(ReportsApi reports, UUID subject, ReportKind kind, Period period) {
        return reports.createReport(Report.builder()
                .resultAction(ResultAction.SAVE)
                .recipients(List.of())
                .parameters(ReportParameters.builder()
                        .tenantId(subject)
                        .level(ReportLevel.ALL_CUSTOMERS)
                        .kind(kind)
                        .formats(List.of(ReportFormat.CSV_V2_0))
                        .period(period)
                        .hideZeroUsage(false)
                        .showSkus(false)
                        .build())
                .schedule(Schedule.once().withEnabled(true))
                .build());
    }

    /**
     * Polls until the report is saved, within 30 minutes: every 250 ms for {@code sparsely}, then
     * every 20 ms. Each poll is a request (authentication, a query) the server answers on the
     * same 2 cores while it generates the report, 50 a second if dense throughout; a report's
     * time still counts to within a few tens of milliseconds, as a client sees it, whenever it
     * takes at least {@code sparsely} (callers give half the last run's time).
     */
    private static StoredReport awaitSaved(ReportsApi reports, UUID reportId, Duration sparsely) throws Exception {
        long start = System.nanoTime();
        long dense = start + sparsely.toNanos();
        long deadline = start + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            StoredReport first;
            try {
                first = reports.stored(reportId).items().get(0);
            } catch (jakarta.ws.rs.ProcessingException e) {
                // A busy server may answer a poll late; the report is still being generated.
                System.out.println("poll timed out; polling on");
                continue;
            }
            if (first.status() == StoredStatus.SAVED) {
                return first;
            }
            if (first.status() == StoredStatus.FAILED) {
                throw new IllegalStateException("Report " + reportId + " failed: " + reports.runs(reportId));
            }
            long toDense = dense - System.nanoTime();
            Thread.sleep(toDense > 0 ? Math.min(250, toDense / 1_000_000 + 1) : 20);
        }
        throw new IllegalStateException("Report " + reportId + " not saved within 30 minutes");
    }

    private static long countLines(InputStream in) throws IOException {
        long lines = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            while (reader.readLine() != null) {
                lines++;
            }
        }
        return lines;
    }

    @FunctionalInterface
    private interface Task<T> {
        T run(int i) throws Exception;
    }

    private static <T> List<T> parallel(int threads, int count, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> task.run(n)));
            }
            List<T> done = new ArrayList<>();
            for (Future<T> f : futures) {
                done.add(f.get());
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e7) / 100.0;
    }

    private static void print(Properties out, String key, Object value) {
        out.setProperty(key, String.valueOf(value));
        System.out.println(key + " = " + value);
    }
}
