package io.usagereports.service.generation.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.model.directory.TenantKind;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The tiny report every golden test of the format writers renders, as the generator would hand it
 * to a writer (rows in output order, each row's usages already sorted by usage name, edition).
 *
 * <pre>
 * Acme Cloud (partner, the subject; at level accounts not a row)   5f0c9a10-1111-4a11-8a11-111111111111
 * ├── Bäckerei Müller (customer)                          row 0   7a2d3b40-2222-4b22-9b22-222222222222
 * │     └── user anna@baeckerei.example                   row 1   9c4e5f60-3333-4c33-ac33-333333333333
 * └── Europe (folder: never a row, only a parent_id)              4b3c2d50-4444-4d44-bd44-444444444444
 *       └── Smith, "Jones" & Co (customer)                row 2   8d5e6f70-5555-4e55-8e55-555555555555
 * </pre>
 *
 * Values at the end of each day (03-31 is the day before the period, which {@code usage_breakdown}
 * needs; {@code usage_current} reports the last day, 04-03):
 *
 * <pre>
 * row                  usage/edition      unit      sku        03-31       04-01       04-02       04-03
 * Bäckerei Müller      storage/standard   bytes     STG-STD-1  1073741824  1073741824  1610612736  2684354560
 * Bäckerei Müller      workstations/""    quantity  -          3           3           4           2
 * anna (user row)      storage/standard   bytes     STG-STD-1  536870912   536870912   536870912   0
 * Smith, "Jones" & Co  storage/advanced   bytes     -          0           134217728   134217728   1610612736
 * </pre>
 *
 * The period is 2026-04-01 to 2026-04-03, the run was due 2026-04-04T06:30:15Z, the zone is UTC.
 * In GiB: 1073741824 = 1.00, 1610612736 = 1.50, 2684354560 = 2.50, 536870912 = 0.50,
 * 134217728 = 0.125 (shown 0.13, rounded half up), 1476395008 = 1.375 (shown 1.38).
 */
final class GoldenReport {

    static final UUID PARTNER_ID = UUID.fromString("5f0c9a10-1111-4a11-8a11-111111111111");
    static final UUID BAECKEREI_ID = UUID.fromString("7a2d3b40-2222-4b22-9b22-222222222222");
    static final UUID ANNA_ID = UUID.fromString("9c4e5f60-3333-4c33-ac33-333333333333");
    static final UUID FOLDER_ID = UUID.fromString("4b3c2d50-4444-4d44-bd44-444444444444");
    static final UUID SMITH_ID = UUID.fromString("8d5e6f70-5555-4e55-8e55-555555555555");

    static final String PARTNER_NAME = "Acme Cloud";
    static final String BAECKEREI_NAME = "Bäckerei Müller";
    static final String SMITH_NAME = "Smith, \"Jones\" & Co";
    static final String ANNA_LOGIN = "anna@baeckerei.example";

    /** The reported period, 2026-04-01 to 2026-04-03 (for {@code usage_current}: the value date 2026-04-03). */
    static final LocalDate START = LocalDate.of(2026, 4, 1);

    static final LocalDate END = LocalDate.of(2026, 4, 3);
    /** When the run was due; 1775284215 in UNIX seconds. */
    static final Instant GENERATED_AT = Instant.parse("2026-04-04T06:30:15Z");

    /** The first day of {@link #VALUES}' columns. */
    private static final LocalDate FIRST_DAY = START.minusDays(1);

    static final ReportRow BAECKEREI =
            new ReportRow(0, BAECKEREI_ID, BAECKEREI_NAME, TenantKind.CUSTOMER, PARTNER_ID, null, null);
    static final ReportRow ANNA =
            new ReportRow(1, BAECKEREI_ID, BAECKEREI_NAME, TenantKind.CUSTOMER, PARTNER_ID, ANNA_ID, ANNA_LOGIN);
    static final ReportRow SMITH = new ReportRow(2, SMITH_ID, SMITH_NAME, TenantKind.CUSTOMER, FOLDER_ID, null, null);

    private static final long[] BAECKEREI_STORAGE = {1073741824L, 1073741824L, 1610612736L, 2684354560L};
    private static final long[] BAECKEREI_WORKSTATIONS = {3, 3, 4, 2};
    private static final long[] ANNA_STORAGE = {536870912L, 536870912L, 536870912L, 0};
    private static final long[] SMITH_STORAGE = {0, 134217728L, 134217728L, 1610612736L};

    /** A row as the generator hands it to a writer. */
    record Row(ReportRow row, List<RowUsage> usages) {}

    private GoldenReport() {}

    /** The report's spec: subject Acme Cloud, level {@code accounts}, UTC, zero usage shown. */
    static ReportSpec spec(ReportKind kind, boolean showSkus) {
        return spec(kind, ReportLevel.ACCOUNTS, showSkus, ZoneOffset.UTC);
    }

    static ReportSpec spec(ReportKind kind, ReportLevel level, boolean showSkus, ZoneId zone) {
        LocalDate start = kind == ReportKind.USAGE_CURRENT ? END : START;
        return new ReportSpec(PARTNER_ID, PARTNER_NAME, kind, level, start, END, false, showSkus, GENERATED_AT, zone);
    }

    /** The three rows with the values of the dates {@code spec}'s kind needs. */
    static List<Row> rows(ReportSpec spec) {
        LocalDate[] dates = spec.dates();
        return List.of(
                new Row(
                        BAECKEREI,
                        List.of(
                                new RowUsage("storage", "standard", "bytes", "STG-STD-1", on(dates, BAECKEREI_STORAGE)),
                                new RowUsage("workstations", "", "quantity", null, on(dates, BAECKEREI_WORKSTATIONS)))),
                new Row(
                        ANNA,
                        List.of(new RowUsage("storage", "standard", "bytes", "STG-STD-1", on(dates, ANNA_STORAGE)))),
                new Row(SMITH, List.of(new RowUsage("storage", "advanced", "bytes", null, on(dates, SMITH_STORAGE)))));
    }

    /**
     * The same rows as {@code hide_zero_usage} leaves them when every usage of Bäckerei Müller and
     * of its user is zero: both rows reach the writer without usages.
     */
    static List<Row> rowsWithoutLines(ReportSpec spec) {
        List<Row> rows = rows(spec);
        return List.of(new Row(BAECKEREI, List.of()), new Row(ANNA, List.of()), rows.get(2));
    }

    /** The whole output of {@code format} for the golden report of {@code kind}. */
    static byte[] render(ReportFormat format, ReportKind kind, boolean showSkus) {
        ReportSpec spec = spec(kind, showSkus);
        return render(format, spec, rows(spec));
    }

    /** Runs the writer of {@code format} through begin, every row, end, as the generator does. */
    static byte[] render(ReportFormat format, ReportSpec spec, List<Row> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            FormatWriter writer = FormatWriters.open(format, spec, out);
            writer.begin();
            for (Row row : rows) {
                writer.row(row.row(), row.usages());
            }
            writer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Asserts that {@code actual} is exactly {@code expected} in UTF-8: as text first (a readable
     * diff), then byte for byte (no BOM, no other encoding, no missing or extra line break).
     */
    static void assertExactly(byte[] actual, String expected) {
        assertThat(new String(actual, UTF_8)).isEqualTo(expected);
        assertThat(actual).isEqualTo(expected.getBytes(UTF_8));
    }

    /**
     * {@link #assertExactly}, for the JSON formats: compact JSON on one line, no line break at the
     * end, and a document a JSON parser reads.
     */
    static void assertJsonExactly(byte[] actual, String expected) {
        assertExactly(actual, expected);
        assertThat(expected).doesNotContain("\n");
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(actual))) {
            assertThat(reader.readObject()).isNotEmpty();
        }
    }

    /** A golden file under {@code src/test/resources/golden/}, as UTF-8 text. */
    static String golden(String path) {
        try (InputStream in = GoldenReport.class.getResourceAsStream("/golden/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No golden file " + path);
            }
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long[] on(LocalDate[] dates, long[] byDay) {
        long[] values = new long[dates.length];
        for (int i = 0; i < dates.length; i++) {
            values[i] = byDay[(int) (dates[i].toEpochDay() - FIRST_DAY.toEpochDay())];
        }
        return values;
    }
}
