package io.usagereports.service.generation;

import io.usagereports.service.generation.format.ReportRow;
import io.usagereports.service.generation.format.RowUsage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Turns the report query's records into rows of usages, one row at a time.
 *
 * <p>Input order ({@link ReportReadings}): by row; within a row, each series (tenant, usage,
 * edition, user) contiguous with its readings oldest first (a reading may come twice); an offering item's description of
 * (usage, edition) from a nearer tenant before one from a farther tenant. A reading is a gauge:
 * a series' value at the end of date D is its latest reading on or before D. Each series' values
 * are added into its row's usage, so a row's values are the sums over its subtree.
 *
 * <p>Only the current row's usages are held: memory is bounded by the widest row, not the report.
 */
public final class RowAggregator {

    /** Receives each row, in order, with its usages sorted by name and edition. */
    @FunctionalInterface
    public interface RowSink {
        void row(ReportRow row, List<RowUsage> usages) throws IOException;
    }

    private record UsageKey(String usageName, String edition) implements Comparable<UsageKey> {
        @Override
        public int compareTo(UsageKey o) {
            int c = usageName.compareTo(o.usageName);
            return c != 0 ? c : edition.compareTo(o.edition);
        }
    }

    private record Description(String unit, String sku) {}

    private static final String DEFAULT_UNIT = "quantity";
    private static final Description NO_DESCRIPTION = new Description(null, null);

    private final List<ReportRow> rows;
    private final long[] dateDays;
    private final boolean hideZero;
    private final RowSink sink;

    private int nextRow;
    private final Map<UsageKey, long[]> usages = new TreeMap<>();
    private final Map<UsageKey, Description> descriptions = new HashMap<>();

    // The series being read: its key, its latest value so far, and the first date not yet given it.
    private UUID seriesTenant;
    private UUID seriesUser;
    private UsageKey seriesKey;
    private long[] seriesValues;
    private long seriesValue;
    private int seriesNextDate;

    public RowAggregator(List<ReportRow> rows, LocalDate[] dates, boolean hideZero, RowSink sink) {
        this.rows = rows;
        this.dateDays = Arrays.stream(dates).mapToLong(LocalDate::toEpochDay).toArray();
        this.hideZero = hideZero;
        this.sink = sink;
    }

    /** The last instant (exclusive) whose readings matter: the start of the day after the last date. */
    public static long endEpochDayExclusive(LocalDate[] dates) {
        return dates[dates.length - 1].toEpochDay() + 1;
    }

    /** A reading of a series in row {@code rowNo}, measured on the UTC day {@code epochDay}. */
    public void reading(
            int rowNo, UUID tenantId, String usageName, String edition, UUID userId, long epochDay, long amount)
            throws IOException {
        advanceTo(rowNo);
        if (seriesKey == null
                || !seriesKey.usageName.equals(usageName)
                || !seriesKey.edition.equals(edition)
                || !seriesTenant.equals(tenantId)
                || !seriesUser.equals(userId)) {
            finishSeries();
            seriesKey = new UsageKey(usageName, edition);
            seriesValues = usages.computeIfAbsent(seriesKey, k -> new long[dateDays.length]);
            seriesTenant = tenantId;
            seriesUser = userId;
            seriesValue = 0;
            seriesNextDate = 0;
        }
        // The reading holds from its day on: earlier dates get the value before it.
        int from = firstDateOnOrAfter(epochDay);
        for (; seriesNextDate < from; seriesNextDate++) {
            seriesValues[seriesNextDate] += seriesValue;
        }
        seriesValue = amount;
    }

    /**
     * An offering item of a tenant in row {@code rowNo}: unit and SKU of (usage, edition) unless a
     * nearer tenant described it already. On a tenant row it also makes the usage a line of the
     * row, readings or not; a user row only takes the description for usages it has readings of.
     */
    public void offeringItem(int rowNo, String usageName, String edition, String unit, String sku) throws IOException {
        advanceTo(rowNo);
        UsageKey key = new UsageKey(usageName, edition);
        descriptions.putIfAbsent(key, new Description(unit, sku));
        if (!rows.get(rowNo).isUserRow()) {
            usages.computeIfAbsent(key, k -> new long[dateDays.length]);
        }
    }

    /** Emits the remaining rows; call once after the last record. */
    public void finish() throws IOException {
        advanceTo(rows.size());
    }

    private void advanceTo(int rowNo) throws IOException {
        if (rowNo < nextRow - 1) {
            throw new IllegalStateException("Rows out of order: " + rowNo + " after " + (nextRow - 1));
        }
        while (nextRow <= rowNo && nextRow <= rows.size()) {
            if (nextRow > 0) {
                emit(rows.get(nextRow - 1));
            }
            nextRow++;
        }
    }

    private void emit(ReportRow row) throws IOException {
        finishSeries();
        List<RowUsage> out = new ArrayList<>(usages.size());
        for (Map.Entry<UsageKey, long[]> e : usages.entrySet()) {
            Description d = descriptions.getOrDefault(e.getKey(), NO_DESCRIPTION);
            RowUsage usage = new RowUsage(
                    e.getKey().usageName,
                    e.getKey().edition,
                    Objects.requireNonNullElse(d.unit, DEFAULT_UNIT),
                    d.sku,
                    e.getValue());
            if (!hideZero || !usage.allZero()) {
                out.add(usage);
            }
        }
        usages.clear();
        descriptions.clear();
        sink.row(row, out);
    }

    private void finishSeries() {
        if (seriesKey != null) {
            for (; seriesNextDate < dateDays.length; seriesNextDate++) {
                seriesValues[seriesNextDate] += seriesValue;
            }
            seriesKey = null;
            seriesValues = null;
        }
    }

    private int firstDateOnOrAfter(long epochDay) {
        int i = Arrays.binarySearch(dateDays, epochDay);
        return i >= 0 ? i : -i - 1;
    }
}
