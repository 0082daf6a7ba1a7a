package io.usagereports.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The benchmark's last step: every figure of each run beside its floor (plain SQL over the same
 * readings in the same database, measured right after) and the ratio, with the target it is
 * held to. H2 is compared with the PostgreSQL run of the same size, and a run with more customers
 * with the one with fewer (cost growth).
 */
final class BenchmarkTable {

    private BenchmarkTable() {}

    private record Run(Path file, Properties p) {
        String db() {
            return p.getProperty("db", "?");
        }

        int customers() {
            return Integer.parseInt(p.getProperty("customers", "0"));
        }

        double get(String key) {
            String value = p.getProperty(key);
            return value == null ? Double.NaN : Double.parseDouble(value);
        }
    }

    static void print(List<Path> files) throws IOException {
        List<Run> runs = new ArrayList<>();
        for (Path file : files) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            runs.add(new Run(file, p));
        }
        for (Run run : runs) {
            System.out.printf(
                    Locale.ROOT,
                    "%n== %s, %d customers, %.0f readings%n",
                    run.db(),
                    run.customers(),
                    run.get("ingestion.readings"));
            System.out.printf(
                    Locale.ROOT, "%-34s %14s %14s %8s   %s%n", "figure", "this run", "floor", "ratio", "target");
            Run pg = runs.stream()
                    .filter(r -> r.db().equals("postgresql") && r.customers() == run.customers())
                    .findFirst()
                    .orElse(null);
            boolean postgres = run.db().equals("postgresql");
            double ingestion = run.get("ingestion.readings_per_second");
            if (postgres) {
                line(
                        "ingestion, readings/s",
                        ingestion,
                        run.get("floor.ingestion.rows_per_second"),
                        "%.0f",
                        true,
                        "≥ 0.3× INSERT … SELECT");
                line(
                        "usage_summary, s",
                        run.get("summary.seconds"),
                        run.get("floor.summary.seconds"),
                        "%.2f",
                        false,
                        "≤ 0.5× naive DISTINCT ON");
                line(
                        "usage_daily, s",
                        run.get("daily.seconds"),
                        run.get("floor.daily.seconds"),
                        "%.2f",
                        false,
                        "≤ 3× COPY of daily values");
            } else if (pg != null) {
                line(
                        "ingestion, readings/s (vs PostgreSQL)",
                        ingestion,
                        pg.get("ingestion.readings_per_second"),
                        "%.0f",
                        true,
                        "≥ 0.3× PostgreSQL");
                line(
                        "usage_summary, s (vs PostgreSQL)",
                        run.get("summary.seconds"),
                        pg.get("summary.seconds"),
                        "%.2f",
                        false,
                        "≤ 2× PostgreSQL");
                line(
                        "usage_daily, s (vs PostgreSQL)",
                        run.get("daily.seconds"),
                        pg.get("daily.seconds"),
                        "%.2f",
                        false,
                        "(none)");
            } else {
                line("ingestion, readings/s", ingestion, Double.NaN, "%.0f", true, "");
                line("usage_summary, s", run.get("summary.seconds"), Double.NaN, "%.2f", false, "");
                line("usage_daily, s", run.get("daily.seconds"), Double.NaN, "%.2f", false, "");
            }
            line(
                    "usage_summary / its own SQL",
                    run.get("summary.seconds"),
                    run.get("summary.sql_seconds"),
                    "%.2f",
                    false,
                    "≤ 1.2");
            line(
                    "usage_daily / its own SQL",
                    run.get("daily.seconds"),
                    run.get("daily.sql_seconds"),
                    "%.2f",
                    false,
                    "≤ 1.2");
            System.out.printf(
                    Locale.ROOT,
                    "%-34s %14.0f %14s %8s   %s%n",
                    "usage_daily lines",
                    run.get("daily.lines"),
                    "",
                    "",
                    "");
            System.out.printf(
                    Locale.ROOT,
                    "%-34s %14s %14s %8s   %s%n",
                    "peak heap MB (ingest/summary/daily)",
                    String.format(
                            Locale.ROOT,
                            "%.0f/%.0f/%.0f",
                            run.get("ingestion.peak_heap_mb"),
                            run.get("summary.peak_heap_mb"),
                            run.get("daily.peak_heap_mb")),
                    "",
                    "",
                    "cap 512");
        }
        for (Run small : runs) {
            for (Run large : runs) {
                if (small.db().equals(large.db()) && large.customers() > small.customers()) {
                    growth(small, large);
                }
            }
        }
    }

    private static void growth(Run small, Run large) {
        System.out.printf(
                Locale.ROOT,
                "%n== cost growth on %s, %d → %d customers (readings ×%.2f, daily lines ×%.2f)%n",
                small.db(),
                small.customers(),
                large.customers(),
                large.get("ingestion.readings") / small.get("ingestion.readings"),
                large.get("daily.lines") / small.get("daily.lines"));
        for (String key : List.of(
                "ingestion.seconds",
                "summary.seconds",
                "daily.seconds",
                "summary.sql_seconds",
                "daily.sql_seconds",
                "floor.daily.seconds")) {
            System.out.printf(
                    Locale.ROOT,
                    "%-34s %10.2f → %10.2f   ×%.2f%n",
                    key,
                    small.get(key),
                    large.get(key),
                    large.get(key) / small.get(key));
        }
    }

    /** A figure, its floor and their ratio (floor ÷ figure for rates, figure ÷ floor for times). */
    private static void line(String name, double value, double floor, String format, boolean rate, String target) {
        double ratio = rate ? value / floor : value / floor;
        System.out.printf(
                Locale.ROOT,
                "%-34s %14s %14s %8s   %s%n",
                name,
                String.format(Locale.ROOT, format, value),
                Double.isNaN(floor) ? "" : String.format(Locale.ROOT, format, floor),
                Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f", ratio),
                target);
    }
}
