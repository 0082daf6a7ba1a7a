package io.usagereports.service.generation;

import io.usagereports.service.generation.format.ReportRow;
import io.usagereports.service.generation.format.RowUsage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Turns the report query's records into rows of usages, reading every series once.
 *
 * <p>Input order ({@link ReportReadings}): by row; within a row, its home tenants nearest first,
 * each series (tenant, usage, edition, user) contiguous with its readings oldest first (a
 * reading may come twice); offering items of a row with their tenant and its depth. A reading is
 * a gauge: a series' value at the end of date D is its latest reading on or before D.
 *
 * <p>Roll-up in one pass: a row's values are its home tenants' series plus the values of the
 * tenant rows below it ({@link RowPlan#parentRow}). Rows come depth-first, so a row is complete
 * only once the last row of its subtree is; the rows of its subtree, complete before it, are
 * held back ({@link HeldRows}, in memory up to a bound, then in a temporary file) and written
 * right after it. Memory stays bounded by the open rows on one path of the tree and that bound.
 */
public final class RowAggregator implements AutoCloseable {

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

    /**
     * An offering item's description of a usage, with where it comes from: the nearest tenant of a
     * row's subtree wins (its depth below the row's tenant), the lowest tenant ID among equals.
     */
    private record Description(String unit, String sku, int depth, String tenant) {
        Description below(int levels) {
            return new Description(unit, sku, depth + levels, tenant);
        }

        static Description nearer(Description a, Description b) {
            if (a.depth != b.depth) {
                return a.depth < b.depth ? a : b;
            }
            return a.tenant.compareTo(b.tenant) <= 0 ? a : b;
        }
    }

    /** A row whose subtree is still being read: its values so far and the rows to write after it. */
    private final class OpenRow implements AutoCloseable {
        final int rowNo;
        final Map<UsageKey, long[]> values = new TreeMap<>();
        final Map<UsageKey, Description> descriptions = new HashMap<>();
        private HeldRows held;

        OpenRow(int rowNo) {
            this.rowNo = rowNo;
        }

        HeldRows held() {
            if (held == null) {
                held = new HeldRows(dateDays.length, heldValuesInMemory);
            }
            return held;
        }

        @Override
        public void close() throws IOException {
            if (held != null) {
                held.close();
            }
        }
    }

    private static final String DEFAULT_UNIT = "quantity";

    /** How many values a row may hold back in memory before the rest goes to a temporary file. */
    static final int HELD_VALUES_IN_MEMORY = 1 << 20;

    private final RowPlan plan;
    private final List<ReportRow> rows;
    private final long[] dateDays;
    private final boolean hideZero;
    private final RowSink sink;
    private final int heldValuesInMemory;

    /** The rows whose subtree is being read, innermost first; the first is the row being read. */
    private final Deque<OpenRow> open = new ArrayDeque<>();

    private int current = -1;

    // The series being read: its key, its latest value so far, and the first date not yet given it.
    private UUID seriesTenant;
    private UUID seriesUser;
    private UsageKey seriesKey;
    private long[] seriesValues;
    private long seriesValue;
    private int seriesNextDate;

    public RowAggregator(RowPlan plan, LocalDate[] dates, boolean hideZero, RowSink sink) {
        this(plan, dates, hideZero, sink, HELD_VALUES_IN_MEMORY);
    }

    RowAggregator(RowPlan plan, LocalDate[] dates, boolean hideZero, RowSink sink, int heldValuesInMemory) {
        this.plan = plan;
        this.rows = plan.rows();
        this.dateDays = Arrays.stream(dates).mapToLong(LocalDate::toEpochDay).toArray();
        this.hideZero = hideZero;
        this.sink = sink;
        this.heldValuesInMemory = heldValuesInMemory;
    }

    /** The last instant (exclusive) whose readings matter: the start of the day after the last date. */
    public static long endEpochDayExclusive(LocalDate[] dates) {
        return dates[dates.length - 1].toEpochDay() + 1;
    }

    /** A reading of a series in row {@code rowNo}, measured on the day {@code epochDay} (in the report's zone). */
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
            seriesValues = open.getFirst().values.computeIfAbsent(seriesKey, k -> new long[dateDays.length]);
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
     * An offering item of a tenant of row {@code rowNo}, {@code depth} below the row's tenant:
     * unit and SKU of (usage, edition) unless a nearer tenant describes it. On a tenant row it
     * also makes the usage a line of the row, readings or not; a user row only takes the
     * description for usages it has readings of.
     */
    public void offeringItem(
            int rowNo, int depth, UUID tenantId, String usageName, String edition, String unit, String sku)
            throws IOException {
        advanceTo(rowNo);
        OpenRow row = open.getFirst();
        UsageKey key = new UsageKey(usageName, edition);
        row.descriptions.merge(key, new Description(unit, sku, depth, tenantId.toString()), Description::nearer);
        if (!rows.get(rowNo).isUserRow()) {
            row.values.computeIfAbsent(key, k -> new long[dateDays.length]);
        }
    }

    /** Completes and writes the remaining rows; call once after the last record. */
    public void finish() throws IOException {
        advanceTo(rows.size());
    }

    /** Deletes what rows held back in files, if the report ends before {@link #finish}. */
    @Override
    public void close() throws IOException {
        for (OpenRow row : open) {
            row.close();
        }
        open.clear();
    }

    private void advanceTo(int rowNo) throws IOException {
        if (rowNo < current) {
            throw new IllegalStateException("Rows out of order: " + rowNo + " after " + current);
        }
        while (current < rowNo && current < rows.size()) {
            finishSeries();
            int next = current + 1;
            while (!open.isEmpty() && plan.subtreeEnd(open.getFirst().rowNo) < next) {
                complete(open.removeFirst());
            }
            if (next < rows.size()) {
                open.addFirst(new OpenRow(next));
            }
            current = next;
        }
    }

    /**
     * A row whose subtree is complete: its values go into its parent row's, and it is written,
     * with the rows held back for it, right away or after the open row that holds it.
     */
    private void complete(OpenRow row) throws IOException {
        try (row) {
            ReportRow reportRow = rows.get(row.rowNo);
            OpenRow holder = open.peekFirst();
            int parent = plan.parentRow(row.rowNo);
            if (parent >= 0) {
                if (holder == null || holder.rowNo != parent) {
                    throw new IllegalStateException("Row " + row.rowNo + " completes outside its parent row " + parent);
                }
                addInto(holder, row, plan.depthBelowParent(row.rowNo));
            }
            List<RowUsage> lines = lines(row);
            if (holder == null) {
                sink.row(reportRow, lines);
                if (row.held != null) {
                    row.held.replayTo(rows, sink);
                }
            } else {
                holder.held().add(row.rowNo, lines);
                if (row.held != null) {
                    holder.held().addAll(row.held);
                }
            }
        }
    }

    /** Adds a complete row's values and descriptions into its parent's, {@code levels} below it. */
    private static void addInto(OpenRow parent, OpenRow child, int levels) {
        for (Map.Entry<UsageKey, long[]> e : child.values.entrySet()) {
            long[] sum = parent.values.get(e.getKey());
            if (sum == null) {
                parent.values.put(e.getKey(), e.getValue().clone());
            } else {
                long[] add = e.getValue();
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += add[i];
                }
            }
        }
        child.descriptions.forEach(
                (key, description) -> parent.descriptions.merge(key, description.below(levels), Description::nearer));
    }

    private List<RowUsage> lines(OpenRow row) {
        List<RowUsage> out = new ArrayList<>(row.values.size());
        for (Map.Entry<UsageKey, long[]> e : row.values.entrySet()) {
            Description d = row.descriptions.get(e.getKey());
            RowUsage usage = new RowUsage(
                    e.getKey().usageName,
                    e.getKey().edition,
                    d == null ? DEFAULT_UNIT : Objects.requireNonNullElse(d.unit, DEFAULT_UNIT),
                    d == null ? null : d.sku,
                    e.getValue());
            if (!hideZero || !usage.allZero()) {
                out.add(usage);
            }
        }
        return out;
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
