package io.usagereports.bench;

import io.usagereports.client.Credentials;
import io.usagereports.client.DirectoryApi;
import io.usagereports.client.ReportsApi;
import io.usagereports.client.ReportsClient;
import io.usagereports.client.UsageApi;
import io.usagereports.model.directory.ApiClient;
import io.usagereports.model.directory.Contact;
import io.usagereports.model.directory.Tenant;
import io.usagereports.model.directory.User;
import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.reports.ScheduleType;
import io.usagereports.model.runs.Delivery;
import io.usagereports.model.runs.DeliveryStatus;
import io.usagereports.model.runs.ReportRun;
import io.usagereports.model.runs.RunRequest;
import io.usagereports.model.runs.RunStatus;
import io.usagereports.model.runs.StoredReport;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The two-server system test ({@code bench/cluster-test.sh}): two Liberty servers on one
 * PostgreSQL database and one SMTP server (GreenMail), real processes driven over HTTP, killed,
 * stopped and frozen at chosen moments. Each case prints what it checked, with figures; the test
 * exits non-zero on any duplicate, loss or stuck run.
 */
public final class ClusterTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 1);

    /** Tries of cases e and f, whose report a server may finish before the signal reaches it. */
    private static final int SIGNAL_TRIES = 3;

    /** One of the servers under test, as a process the test can kill, stop, freeze and restart. */
    private record Server(String name, URI base, Path wlp) {

        long pid() throws Exception {
            return Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid/" + name + ".pid"))
                    .strip());
        }

        void signal(String signal) throws Exception {
            run("kill", "-" + signal, Long.toString(pid()));
        }

        void start() throws Exception {
            run(wlp.resolve("bin/server").toString(), "start", name);
            awaitUp();
        }

        void awaitUp() throws Exception {
            await(name + " up", Duration.ofMinutes(3), this::up);
        }

        boolean up() {
            try {
                HttpURLConnection c = (HttpURLConnection)
                        base.resolve("/health/ready").toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                return c.getResponseCode() == 200;
            } catch (Exception e) {
                return false;
            }
        }

        /** Waits for the process to be gone after a kill -9. */
        void awaitGone(long pid) throws Exception {
            await(
                    name + " gone",
                    Duration.ofMinutes(1),
                    () -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        }

        ReportsApi reports(Credentials credentials) {
            return ReportsClient.reports(base.resolve("/api/2"), credentials);
        }
    }

    /** One checked case: what it showed, in figures, and whether it held. */
    private record Result(String name, boolean ok, String figures) {}

    /** Records a case's result, and prints it at once: a long run shows its progress. */
    private void report(Result result) {
        results.add(result);
        System.out.printf(
                Locale.ROOT, "%s: %s — %s%n", result.ok() ? "held" : "FAILED", result.name(), result.figures());
    }

    private final Properties p;
    private final Server a;
    private final Server b;
    private final Credentials credentials;
    private final UUID root;
    private final List<Result> results = new ArrayList<>();
    private final int leaseSeconds;
    private UUID partner;
    private List<UUID> customers;
    private String cleanHash;

    /** The output of {@link #longDaily}, undisturbed (from case b). */
    private String cleanLongHash;

    private long cleanLines;
    private int cleanChunks;

    private ClusterTest(Properties p) {
        this.p = p;
        Path wlp = Path.of(p.getProperty("cluster.wlp"));
        this.a =
                new Server("cluster-a", URI.create("http://localhost:" + p.getProperty("cluster.port.a", "9181")), wlp);
        this.b =
                new Server("cluster-b", URI.create("http://localhost:" + p.getProperty("cluster.port.b", "9182")), wlp);
        this.leaseSeconds = Integer.parseInt(p.getProperty("cluster.lease-seconds", "15"));
        Credentials admin = Credentials.login("admin", p.getProperty("cluster.password"));
        DirectoryApi directory = ReportsClient.directory(a.base().resolve("/api/2"), admin);
        this.root = directory.me().tenantId();
        ApiClient client = directory.createClient(ApiClient.forTenant(root, "cluster test"));
        this.credentials = Credentials.client(client.clientId().toString(), client.clientSecret());
    }

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.putAll(System.getProperties());
        ClusterTest test = new ClusterTest(p);
        test.run();
    }

    private void run() throws Exception {
        long t0 = System.nanoTime();
        installedOnce();
        load();
        reference();
        onceReportsOnBothServers();
        killOfTheServerRunningALongReport();
        reportsDueAtTheSameInstantOnBothServers();
        killOfBothServersMidWork();
        stopOfTheServerRunningAReport();
        for (String moment :
                p.getProperty("cluster.moments", "planning,writing,finishing").split(",")) {
            for (int tries = 1; !frozenPastItsLease(moment, tries); tries++) {
                System.out.printf(Locale.ROOT, "f: saved before the freeze (try %d); again%n", tries);
            }
        }
        System.out.printf(Locale.ROOT, "%n%-52s %-4s %s%n", "case", "ok", "figures");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-52s %-4s %s%n", r.name(), r.ok() ? "yes" : "NO", r.figures());
        }
        boolean ok = results.stream().allMatch(Result::ok);
        System.out.printf(
                Locale.ROOT, "%n%d cases, %s, in %.0f s%n", results.size(), ok ? "all held" : "FAILED", seconds(t0));
        System.exit(ok ? 0 : 1);
    }

    // -------------------------------------------------------------------------------------------
    // Data and the reference output
    // -------------------------------------------------------------------------------------------

    /** Both servers started at once on an empty database: one installation, and no error logged for it. */
    private void installedOnce() throws Exception {
        long roots = queryLong("SELECT COUNT(*) FROM installation");
        long admins = queryLong("SELECT COUNT(*) FROM app_user WHERE login = 'admin'");
        int errors = logErrors();
        report(new Result(
                "0 both servers installing at once",
                roots == 1 && admins == 1 && errors == 0,
                roots + " installation, " + admins + " administrator, " + errors + " ERROR/FFDC lines in the logs"));
    }

    private void load() throws Exception {
        int count = Integer.parseInt(p.getProperty("cluster.customers", "2000"));
        int usages = Integer.parseInt(p.getProperty("cluster.usages", "10"));
        int days = 31;
        DirectoryApi directory = ReportsClient.directory(a.base().resolve("/api/2"), credentials);
        partner =
                directory.createTenant(Tenant.partner("cluster partner", root)).id();
        customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            customers.add(directory
                    .createTenant(Tenant.customer(String.format("customer-%05d", i), partner))
                    .id());
        }
        UsageApi usage = ReportsClient.usage(b.base().resolve("/api/2"), credentials);
        long t = System.nanoTime();
        long readings = 0;
        for (int day = 0; day < days; day++) {
            StringBuilder csv = new StringBuilder("tenant_id,usage_name,value,measured_at\r\n");
            String at = FIRST_DAY
                    .plusDays(day)
                    .atTime(12, 0)
                    .atOffset(ZoneOffset.UTC)
                    .toString();
            for (int c = 0; c < count; c++) {
                for (int u = 0; u < usages; u++) {
                    csv.append(customers.get(c))
                            .append(",usage-")
                            .append(u)
                            .append(',')
                            .append((long) (c + 1) * (u + 1) * (day + 1))
                            .append(',')
                            .append(at)
                            .append("\r\n");
                    readings++;
                }
            }
            usage.ingestCsv(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
        }
        System.out.printf(Locale.ROOT, "loaded %d customers, %d readings in %.1f s%n", count, readings, seconds(t));
    }

    /** The daily report every recovery case must reproduce, generated once with both servers undisturbed. */
    private Report daily() {
        return Report.builder()
                .resultAction(ResultAction.SAVE)
                .parameters(ReportParameters.builder()
                        .tenantId(partner)
                        .level(ReportLevel.ALL_CUSTOMERS)
                        .kind(ReportKind.USAGE_DAILY)
                        .formats(List.of(ReportFormat.CSV_V2_0))
                        .period(new Period(FIRST_DAY, FIRST_DAY.plusDays(30)))
                        .hideZeroUsage(false)
                        .showSkus(false)
                        .build())
                .schedule(Schedule.once())
                .build();
    }

    private void reference() throws Exception {
        long t = System.nanoTime();
        Report report = a.reports(credentials).createReport(daily());
        ReportRun run = awaitSaved(a, report.id(), Duration.ofMinutes(5));
        StoredReport stored = a.reports(credentials).stored(report.id()).items().get(0);
        String[] hash = hash(a, report.id(), stored.id());
        cleanHash = hash[0];
        cleanLines = Long.parseLong(hash[1]);
        cleanChunks = (int) queryLong("SELECT COUNT(*) FROM stored_report_chunk WHERE stored_id = ?", stored.id());
        System.out.printf(
                Locale.ROOT,
                "reference usage_daily: %d lines, %d chunks, %.1f s, run %s%n",
                cleanLines,
                cleanChunks,
                seconds(t),
                run.id());
    }

    // -------------------------------------------------------------------------------------------
    // The cases
    // -------------------------------------------------------------------------------------------

    /** (a) Once reports created alternately on both servers: each runs once, one output per format. */
    private void onceReportsOnBothServers() throws Exception {
        long t = System.nanoTime();
        List<User> recipients = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            recipients.add(recipient(customers.get(i)));
        }
        Map<UUID, Server> created = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            Server server = i % 2 == 0 ? a : b;
            boolean send = i < 10;
            Report report = server.reports(credentials)
                    .createReport(Report.builder()
                            .resultAction(send ? ResultAction.SEND : ResultAction.SAVE)
                            .recipients(send ? List.of(recipients.get(i).id()) : null)
                            .parameters(ReportParameters.builder()
                                    .tenantId(customers.get(i))
                                    .level(ReportLevel.ITSELF)
                                    .kind(ReportKind.USAGE_SUMMARY)
                                    .formats(List.of(ReportFormat.CSV_V2_0, ReportFormat.HTML))
                                    .period(new Period(FIRST_DAY, FIRST_DAY.plusDays(30)))
                                    .hideZeroUsage(false)
                                    .showSkus(false)
                                    .build())
                            .schedule(Schedule.once())
                            .build());
            created.put(report.id(), server);
        }
        int runs = 0;
        int outputs = 0;
        boolean ok = true;
        List<Delivery> deliveries = new ArrayList<>();
        for (Map.Entry<UUID, Server> report : created.entrySet()) {
            ReportRun run = awaitSettled(a, report.getKey(), Duration.ofMinutes(2));
            List<ReportRun> all = a.reports(credentials).runs(report.getKey()).items();
            List<StoredReport> stored =
                    a.reports(credentials).stored(report.getKey()).items();
            runs += all.size();
            outputs += stored.size();
            ok &= all.size() == 1 && run.status() == RunStatus.SAVED && stored.size() == 2;
            deliveries.addAll(run.deliveries());
        }
        Map<String, Integer> messages = messagesById(recipients);
        long missing = deliveries.stream()
                .filter(d -> messages.getOrDefault(d.messageId(), 0) == 0)
                .count();
        long twice = deliveries.stream()
                .filter(d -> messages.getOrDefault(d.messageId(), 0) > 1)
                .count();
        long leftovers = leftoverRows();
        ok &= deliveries.size() == 10 && missing == 0 && twice == 0 && leftovers == 0;
        report(new Result(
                "a 30 once reports created on both servers",
                ok,
                String.format(
                        Locale.ROOT,
                        "%d runs, %d outputs, %d deliveries, %d messages missing, %d twice, %d leftover rows, %.1f s",
                        runs,
                        outputs,
                        deliveries.size(),
                        missing,
                        twice,
                        leftovers,
                        seconds(t))));
    }

    /**
     * (b) kill -9 of the server running a long report ({@link #longDaily}): the other redoes it within
     * the lease, identical to a clean run of itself.
     */
    private void killOfTheServerRunningALongReport() throws Exception {
        Report report = a.reports(credentials).createReport(longDaily());
        UUID runId = a.reports(credentials).runs(report.id()).items().get(0).id();
        Server victim = awaitClaimer(runId);
        Server survivor = other(victim);
        await("chunks written", Duration.ofMinutes(2), () -> chunks(runId, 1) > 0);
        long pid = victim.pid();
        victim.signal("KILL");
        Instant killed = Instant.now();
        victim.awaitGone(pid);
        await("the run claimed again", Duration.ofSeconds(leaseSeconds * 3L), () -> attempt(runId) >= 2);
        double takeover = Duration.between(killed, Instant.now()).toMillis() / 1000.0;
        ReportRun run = awaitSaved(survivor, report.id(), Duration.ofMinutes(5));
        String[] hash = hash(
                survivor,
                report.id(),
                survivor.reports(credentials).stored(report.id()).items().get(0).id());
        long leftovers = leftoverRows();
        cleanLongHash = cleanRunHash(survivor, report.id());
        boolean identical = hash[0].equals(cleanLongHash);
        boolean ok = identical && run.attempts() == 2 && takeover <= leaseSeconds + 5 && leftovers == 0;
        report(new Result(
                "b kill -9 of the server running usage_daily",
                ok,
                String.format(
                        Locale.ROOT,
                        "killed %s, %s took over after %.1f s (lease %d s), %d attempts, %s lines, %s, %d leftover rows",
                        victim.name(),
                        survivor.name(),
                        takeover,
                        leaseSeconds,
                        run.attempts(),
                        hash[1],
                        identical ? "identical to a clean run" : "DIFFERENT from a clean run",
                        leftovers)));
        victim.start();
    }

    /**
     * The daily report of cases b and e: a year and a half of days (sixteen months before the
     * readings begin, as zeros), so that it is still being written when the server running it is
     * killed or stopped. Reports of one month, then two, then half a year were saved before the
     * signal as generation got faster (one month of the short form: 0.8 s).
     */
    private Report longDaily() {
        return dailyFrom(FIRST_DAY.minusDays(488));
    }

    /**
     * The daily report of case e: three years of days before the readings, twice {@link #longDaily}
     * (which a stopping server often finished before its stop reached the worker).
     */
    private Report longerDaily() {
        return dailyFrom(FIRST_DAY.minusDays(1100));
    }

    private Report dailyFrom(LocalDate first) {
        Report daily = daily();
        return daily.toBuilder()
                .parameters(daily.parameters().toBuilder()
                        .period(new Period(first, FIRST_DAY.plusDays(61)))
                        .build())
                .build();
    }

    /** Runs {@code reportId} again on {@code server}, undisturbed: the hash of that clean run's output. */
    private String cleanRunHash(Server server, UUID reportId) throws Exception {
        UUID stored =
                server.reports(credentials).stored(reportId).items().get(0).id();
        server.reports(credentials).runNow(reportId, new RunRequest(null));
        awaitSaved(server, reportId, Duration.ofMinutes(5)); // the newest run: the clean one
        UUID cleanStored =
                server.reports(credentials).stored(reportId).items().get(0).id();
        if (cleanStored.equals(stored)) {
            throw new IllegalStateException("No clean run of report " + reportId + " was saved");
        }
        return hash(server, reportId, cleanStored)[0];
    }

    /** (c) Monthly and daily reports due at the same instant on both servers: one run per report and period. */
    private void reportsDueAtTheSameInstantOnBothServers() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ScheduleType type = i % 2 == 0 ? ScheduleType.DAILY : ScheduleType.MONTHLY;
            Server server = i % 4 < 2 ? a : b;
            ids.add(server.reports(credentials)
                    .createReport(Report.builder()
                            .resultAction(ResultAction.SAVE)
                            .parameters(ReportParameters.builder()
                                    .tenantId(customers.get(i))
                                    .level(ReportLevel.ITSELF)
                                    .kind(ReportKind.USAGE_CURRENT)
                                    .formats(List.of(ReportFormat.CSV_V2_0))
                                    .hideZeroUsage(false)
                                    .showSkus(false)
                                    .build())
                            .schedule(Schedule.of(type))
                            .build())
                    .id());
        }
        Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
        long t = System.nanoTime();
        try (Connection c = db();
                PreparedStatement s = c.prepareStatement("UPDATE report SET next_run_at = ? WHERE id = ANY (?)")) {
            s.setObject(1, due.atOffset(ZoneOffset.UTC));
            s.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            s.executeUpdate();
        }
        await(
                "200 scheduled runs saved",
                Duration.ofMinutes(3),
                () -> queryLong(
                                "SELECT COUNT(*) FROM report_run" + " WHERE report_id = ANY (?) AND status = 'saved'",
                                (Object) ids.toArray(new UUID[0]))
                        >= 200);
        double seconds = seconds(t);
        Thread.sleep(3000); // a few more polls of both servers: nothing more may appear
        long runs = queryLong(
                "SELECT COUNT(*) FROM report_run WHERE report_id = ANY (?)", (Object) ids.toArray(new UUID[0]));
        long reportsWithOne = queryLong(
                "SELECT COUNT(*) FROM (SELECT report_id FROM report_run WHERE report_id = ANY (?)"
                        + " GROUP BY report_id HAVING COUNT(*) = 1) x",
                (Object) ids.toArray(new UUID[0]));
        long started = queryLong(
                "SELECT COUNT(*) FROM report_run WHERE report_id = ANY (?) AND started_at IS NOT NULL",
                (Object) ids.toArray(new UUID[0]));
        int errors = logErrors();
        boolean ok = runs == 200 && reportsWithOne == 200 && errors == 0;
        report(new Result(
                "c 100 daily + 100 monthly due at one instant",
                ok,
                String.format(
                        Locale.ROOT,
                        "%d runs for 200 reports (%d with exactly one), %d started, all saved after %.1f s, %d ERROR lines",
                        runs,
                        reportsWithOne,
                        started,
                        seconds,
                        errors)));
    }

    /**
     * (d) kill -9 of both servers mid-work ({@link #longDaily}: the one-month report was done before
     * both servers were seen at work), then both restarted: every run and delivery completes once.
     */
    private void killOfBothServersMidWork() throws Exception {
        List<User> recipients = recipients(8);
        List<UUID> reports = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Report daily = longDaily();
            Server server = i % 2 == 0 ? a : b;
            reports.add(server.reports(credentials)
                    .createReport(daily.toBuilder()
                            .resultAction(ResultAction.SEND)
                            .recipients(List.of(
                                    recipients.get(2 * i).id(),
                                    recipients.get(2 * i + 1).id()))
                            .build())
                    .id());
        }
        UUID[] ids = reports.toArray(UUID[]::new);
        await(
                "both servers at work",
                Duration.ofMinutes(1),
                () -> queryLong(
                                "SELECT COUNT(DISTINCT split_part(claimed_by,"
                                        + " '/', 2)) FROM report_run WHERE report_id = ANY(?) AND status = 'running'",
                                (Object) ids)
                        >= 2);
        Thread.sleep(1500);
        long pa = a.pid();
        long pb = b.pid();
        a.signal("KILL");
        b.signal("KILL");
        a.awaitGone(pa);
        b.awaitGone(pb);
        // Deliveries claimed when both died, of runs saved before the kill. Only these may arrive twice (and then with
        // one Message-ID): the SMTP server may have accepted a message whose record the kill prevented. Every other
        // message is sent after the restart by live servers and must arrive exactly once.
        Set<String> inFlight = queryStrings(
                "SELECT message_id FROM report_delivery WHERE report_id = ANY(?)"
                        + " AND status = 'pending' AND lease_expires_at IS NOT NULL",
                (Object) ids);
        long t = System.nanoTime();
        Thread restartA = new Thread(() -> restart(a));
        restartA.start();
        b.start();
        restartA.join();
        boolean ok = true;
        int identical = 0;
        List<Delivery> deliveries = new ArrayList<>();
        for (UUID id : reports) {
            ReportRun run = awaitSettled(a, id, Duration.ofMinutes(6));
            ok &= run.status() == RunStatus.SAVED;
            StoredReport stored = a.reports(credentials).stored(id).items().get(0);
            if (hash(a, id, stored.id())[0].equals(cleanLongHash)) {
                identical++;
            }
            deliveries.addAll(run.deliveries());
        }
        Map<String, Integer> messages = messagesById(recipients);
        long missing = deliveries.stream()
                .filter(d -> messages.getOrDefault(d.messageId(), 0) == 0)
                .count();
        long twice = deliveries.stream()
                .filter(d -> messages.getOrDefault(d.messageId(), 0) > 1 && !inFlight.contains(d.messageId()))
                .count();
        long twiceInFlight = deliveries.stream()
                .filter(d -> messages.getOrDefault(d.messageId(), 0) > 1 && inFlight.contains(d.messageId()))
                .count();
        long delivered = deliveries.stream()
                .filter(d -> d.status() == DeliveryStatus.DELIVERED)
                .count();
        long leftovers = leftoverRows();
        ok &= identical == reports.size()
                && deliveries.size() == 8
                && delivered == 8
                && missing == 0
                && twice == 0
                && leftovers == 0;
        report(new Result(
                "d kill -9 of both servers mid-work, restart",
                ok,
                String.format(
                        Locale.ROOT,
                        "%d send runs saved %.1f s after the restart, %d identical to the clean run, %d/%d deliveries"
                                + " delivered, %d messages missing, %d twice (+%d of %d in flight at the kill, allowed with"
                                + " one Message-ID), %d leftover rows",
                        reports.size(),
                        seconds(t),
                        identical,
                        delivered,
                        deliveries.size(),
                        missing,
                        twice,
                        twiceInFlight,
                        inFlight.size(),
                        leftovers)));
    }

    /**
     * (e) SIGTERM of the server running a report ({@link #longerDaily}, still being written when the
     * stopping server gets to hand it over: Liberty first lets requests in progress finish): it hands
     * the run over, and the other takes it within seconds. It is compared with a clean run of itself.
     * A stopping server may still finish the report before its stop reaches the worker (Liberty's
     * stop took up to 3 s here, {@link #longDaily} about as long): that changes nothing, but shows
     * no hand-over, so the case is tried again with a new report, up to {@link #SIGNAL_TRIES} times.
     */
    private void stopOfTheServerRunningAReport() throws Exception {
        for (int tries = 1; !stopOfTheServerRunningAReport(tries); tries++) {
            System.out.printf(Locale.ROOT, "e: saved before the stop reached its worker (try %d); again%n", tries);
        }
    }

    /** One try of case e; false if the report was saved before the stop and tries are left. */
    private boolean stopOfTheServerRunningAReport(int tries) throws Exception {
        Report report = a.reports(credentials).createReport(longerDaily());
        UUID runId = a.reports(credentials).runs(report.id()).items().get(0).id();
        Server victim = awaitClaimer(runId);
        Server survivor = other(victim);
        long pid = victim.pid();
        victim.signal("TERM");
        Instant stopped = Instant.now();
        await(
                "the run claimed by " + survivor.name() + " (or saved by " + victim.name() + " before it stopped)",
                Duration.ofSeconds(leaseSeconds * 3L),
                () -> attempt(runId) >= 2 || "saved".equals(status(runId)));
        double takeover = Duration.between(stopped, Instant.now()).toMillis() / 1000.0;
        boolean handedOver = attempt(runId) >= 2;
        victim.awaitGone(pid);
        if (!handedOver && tries < SIGNAL_TRIES) {
            victim.start();
            return false;
        }
        ReportRun run = awaitSaved(survivor, report.id(), Duration.ofMinutes(5));
        UUID stored =
                survivor.reports(credentials).stored(report.id()).items().get(0).id();
        String[] hash = hash(survivor, report.id(), stored);
        boolean identical = hash[0].equals(cleanRunHash(survivor, report.id()));
        boolean ok = handedOver && identical && takeover < Math.min(5, leaseSeconds);
        report(new Result(
                "e SIGTERM of the server running usage_daily",
                ok,
                String.format(
                        Locale.ROOT,
                        "try %d: stopped %s, %s took over after %.1f s (lease %d s), %d attempts, %s lines, %s",
                        tries,
                        victim.name(),
                        survivor.name(),
                        takeover,
                        leaseSeconds,
                        run.attempts(),
                        hash[1],
                        !handedOver
                                ? "NOT HANDED OVER: saved before the stop"
                                : identical ? "identical to a clean run" : "DIFFERENT from a clean run")));
        victim.start();
        return true;
    }

    /**
     * (f) kill -STOP of the server running a report, past its lease; the other claims the run; kill
     * -CONT while the new attempt is at {@code moment}: the saved output is complete and identical.
     * The report (three chunks in the short form) may be saved between its first chunk and the
     * freeze: nothing to take over then, so the case is tried again, up to {@link #SIGNAL_TRIES} times.
     * Returns false if it is to be tried again.
     */
    private boolean frozenPastItsLease(String moment, int tries) throws Exception {
        Report report = a.reports(credentials).createReport(daily());
        UUID runId = a.reports(credentials).runs(report.id()).items().get(0).id();
        Server frozen = awaitClaimer(runId);
        Server live = other(frozen);
        await("chunks written", Duration.ofMinutes(2), () -> chunks(runId, 1) > 0);
        frozen.signal("STOP");
        Instant stopped = Instant.now();
        try {
            if (tries < SIGNAL_TRIES && "saved".equals(status(runId))) {
                return false;
            }
            awaitOrExplain(
                    "the run claimed by " + live.name(),
                    Duration.ofSeconds(leaseSeconds * 4L),
                    () -> attempt(runId) >= 2,
                    runId,
                    live);
            double claimedAfter = Duration.between(stopped, Instant.now()).toMillis() / 1000.0;
            switch (moment) {
                case "planning" -> {}
                case "writing" -> await("the new attempt writing", Duration.ofMinutes(2), () -> chunks(runId, 2) > 0);
                default ->
                    await(
                            "the new attempt finishing",
                            Duration.ofMinutes(2),
                            () -> chunks(runId, 2) >= Math.max(1, cleanChunks - 1));
            }
            frozen.signal("CONT");
            ReportRun run = awaitSaved(live, report.id(), Duration.ofMinutes(5));
            String[] hash = hash(
                    live,
                    report.id(),
                    live.reports(credentials).stored(report.id()).items().get(0).id());
            Thread.sleep(Math.max(2000, leaseSeconds * 1000L / 2)); // the resumed worker finds out and stops
            long leftovers = leftoverRows();
            boolean ok = hash[0].equals(cleanHash) && run.attempts() == 2 && leftovers == 0;
            report(new Result(
                    "f kill -STOP past the lease, -CONT at " + moment,
                    ok,
                    String.format(
                            Locale.ROOT,
                            "try %d: froze %s, %s claimed after %.1f s, resumed while %s, %s lines, %s, %d leftover"
                                    + " rows",
                            tries,
                            frozen.name(),
                            live.name(),
                            claimedAfter,
                            moment,
                            hash[1],
                            hash[0].equals(cleanHash) ? "identical" : "DIFFERENT",
                            leftovers)));
            return true;
        } finally {
            frozen.signal("CONT");
        }
    }

    // -------------------------------------------------------------------------------------------
    // Helpers
    // -------------------------------------------------------------------------------------------

    private void restart(Server server) {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Server other(Server server) {
        return server == a ? b : a;
    }

    /** The server whose worker claimed the run (its name is part of claimed_by). */
    private Server awaitClaimer(UUID runId) throws Exception {
        String[] owner = new String[1];
        await("run " + runId + " claimed", Duration.ofMinutes(2), () -> {
            owner[0] = queryString("SELECT claimed_by FROM report_run WHERE id = ? AND status = 'running'", runId);
            return owner[0] != null;
        });
        return owner[0].contains("/" + a.name() + "/") ? a : b;
    }

    private List<User> recipients(int count) {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(recipient(partner));
        }
        return users;
    }

    /** A new user of {@code tenant}, with an address of its own. */
    private User recipient(UUID tenant) {
        String login = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return ReportsClient.directory(a.base().resolve("/api/2"), credentials)
                .createUser(User.of(tenant, login, Contact.ofEmail(login + "@example.com")));
    }

    /** How many messages each Message-ID arrived in, over the recipients' mailboxes (IMAP). */
    private Map<String, Integer> messagesById(List<User> users) throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.imap.host", "127.0.0.1");
        props.setProperty("mail.imap.port", p.getProperty("cluster.imap.port", "3943"));
        Map<String, Integer> counts = new HashMap<>();
        for (User user : users) {
            try (Store store = Session.getInstance(props).getStore("imap")) {
                try {
                    store.connect(user.contact().email(), user.contact().email());
                } catch (AuthenticationFailedException e) {
                    continue; // nothing ever arrived
                }
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                for (Message m : inbox.getMessages()) {
                    String[] id = m.getHeader("Message-ID");
                    counts.merge(id == null ? "" : id[0], 1, Integer::sum);
                }
                inbox.close(false);
            }
        }
        return counts;
    }

    private ReportRun awaitSaved(Server server, UUID reportId, Duration timeout) throws Exception {
        ReportRun run = awaitSettled(server, reportId, timeout);
        if (run.status() != RunStatus.SAVED) {
            throw new IllegalStateException("Run of report " + reportId + " is " + run.status());
        }
        return run;
    }

    /** The report's newest run once it is saved (or failed) and its deliveries are no longer pending. */
    private ReportRun awaitSettled(Server server, UUID reportId, Duration timeout) throws Exception {
        ReportRun[] run = new ReportRun[1];
        await("report " + reportId + " settled", timeout, () -> {
            try {
                run[0] = server.reports(credentials).runs(reportId).items().get(0);
            } catch (RuntimeException e) {
                return false; // the server is restarting
            }
            return (run[0].status() == RunStatus.SAVED || run[0].status() == RunStatus.FAILED)
                    && run[0].deliveries().stream().noneMatch(d -> d.status() == DeliveryStatus.PENDING);
        });
        return run[0];
    }

    /** SHA-256 and line count of a stored report's content, downloaded. */
    private String[] hash(Server server, UUID reportId, UUID storedId) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = server.reports(credentials).openStored(reportId, storedId)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return new String[] {HexFormat.of().formatHex(sha.digest()), Long.toString(lines)};
    }

    /** Chunks of stale attempts left with saved outputs, and work-table rows of runs no longer running. */
    private long leftoverRows() {
        return queryLong("SELECT COUNT(*) FROM stored_report_chunk c JOIN stored_report s ON s.id = c.stored_id"
                        + " JOIN report_run r ON r.id = s.run_id WHERE r.status <> 'running'"
                        + " AND (s.content_attempt IS NULL OR c.attempt <> s.content_attempt)")
                + queryLong("SELECT COUNT(*) FROM report_run_member m JOIN report_run r ON r.id = m.run_id"
                        + " WHERE r.status <> 'running'");
    }

    private long chunks(UUID runId, int attempt) {
        return queryLong(
                "SELECT COUNT(*) FROM stored_report_chunk c JOIN stored_report s ON s.id = c.stored_id"
                        + " WHERE s.run_id = ? AND c.attempt = ?",
                runId,
                attempt);
    }

    private String status(UUID runId) {
        return queryString("SELECT status FROM report_run WHERE id = ?", runId);
    }

    private int attempt(UUID runId) {
        return (int) queryLong("SELECT attempt FROM report_run WHERE id = ?", runId);
    }

    /** ERROR lines and FFDC incidents in both servers' logs (an expected race must log nothing worse than INFO). */
    private int logErrors() throws Exception {
        int errors = 0;
        for (Server server : List.of(a, b)) {
            Path logs = server.wlp().resolve("usr/servers/" + server.name() + "/logs");
            Path messages = logs.resolve("messages.log");
            if (Files.exists(messages)) {
                for (String line : Files.readAllLines(messages)) {
                    if (line.contains(" E ") || line.contains("duplicate key")) {
                        errors++;
                    }
                }
            }
        }
        return errors;
    }

    private Connection db() throws Exception {
        return DriverManager.getConnection(
                p.getProperty("cluster.jdbc.url"),
                p.getProperty("cluster.jdbc.user"),
                p.getProperty("cluster.jdbc.password"));
    }

    private long queryLong(String sql, Object... params) {
        try (Connection c = db();
                PreparedStatement s = prepare(c, sql, params);
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> queryStrings(String sql, Object... params) {
        try (Connection c = db();
                PreparedStatement s = prepare(c, sql, params);
                ResultSet rs = s.executeQuery()) {
            Set<String> found = new HashSet<>();
            while (rs.next()) {
                found.add(rs.getString(1));
            }
            return found;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String queryString(String sql, Object... params) {
        try (Connection c = db();
                PreparedStatement s = prepare(c, sql, params);
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws Exception {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i] instanceof UUID[] ids ? c.createArrayOf("uuid", ids) : params[i]);
        }
        return s;
    }

    /**
     * {@link #await}, and if it times out, what the database and the live server were doing: a
     * stuck run must be explainable from the output alone (CI keeps nothing else).
     */
    private void awaitOrExplain(String what, Duration timeout, BooleanSupplier condition, UUID runId, Server live)
            throws Exception {
        try {
            await(what, timeout, condition);
        } catch (IllegalStateException timedOut) {
            throw new IllegalStateException(timedOut.getMessage() + "\n" + diagnosis(runId, live), timedOut);
        }
    }

    private String diagnosis(UUID runId, Server live) {
        StringBuilder d = new StringBuilder();
        d.append("run (status, attempt, claimed by, lease until, now):\n")
                .append(rows(
                        "SELECT status, attempt, claimed_by, lease_expires_at, now() FROM report_run WHERE id = ?",
                        runId));
        d.append("busy sessions (pid, state, waiting for, in transaction for, blocked by, query):\n")
                .append(rows("SELECT pid, state, wait_event_type || ':' || wait_event, now() - xact_start,"
                        + " pg_blocking_pids(pid), left(query, 120) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid()"));
        d.append("threads of ").append(live.name()).append(" in the application:\n");
        try {
            Process jcmd = new ProcessBuilder("jcmd", Long.toString(live.pid()), "Thread.print")
                    .redirectErrorStream(true)
                    .start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            for (String thread : dump.split("\n\n")) {
                if (thread.contains("io.usagereports")) {
                    thread.lines().limit(14).forEach(line -> d.append(line).append('\n'));
                }
            }
        } catch (Exception e) {
            d.append("(no thread dump: ").append(e).append(")\n");
        }
        return d.toString();
    }

    private String rows(String sql, Object... params) {
        StringBuilder out = new StringBuilder();
        try (Connection c = db();
                PreparedStatement s = prepare(c, sql, params);
                ResultSet rs = s.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                out.append("  ");
                for (int i = 1; i <= columns; i++) {
                    out.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                out.append('\n');
            }
        } catch (Exception e) {
            out.append("  (").append(e).append(")\n");
        }
        return out.toString();
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out waiting for " + what + " (" + timeout.toSeconds() + " s)");
            }
            Thread.sleep(100);
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
