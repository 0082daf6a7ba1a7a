package io.usagereports.service.generation;

import io.usagereports.service.generation.format.ReportRow;
import io.usagereports.service.generation.format.RowUsage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Complete rows held back until the row above them is written (see {@link RowAggregator}), in
 * order. They stay in memory up to {@code valuesInMemory} values; past that, every row held goes
 * to a temporary file, so a row over a subtree of any size holds back no more memory than that.
 */
final class HeldRows implements AutoCloseable {

    private record Held(int rowNo, List<RowUsage> usages) {}

    private final int dates;
    private final int valuesInMemory;
    private final List<Held> inMemory = new ArrayList<>();
    private long values;
    private Path file;
    private DataOutputStream out;

    HeldRows(int dates, int valuesInMemory) {
        this.dates = dates;
        this.valuesInMemory = valuesInMemory;
    }

    void add(int rowNo, List<RowUsage> usages) throws IOException {
        if (out != null) {
            write(rowNo, usages);
            return;
        }
        inMemory.add(new Held(rowNo, usages));
        values += (long) usages.size() * dates;
        if (values > valuesInMemory) {
            spill();
        }
    }

    /** Appends every row {@code other} holds, in its order. */
    void addAll(HeldRows other) throws IOException {
        other.forEach((rowNo, usages) -> add(rowNo, usages));
    }

    /** Writes every row held to {@code sink}, in order. */
    void replayTo(List<ReportRow> rows, RowAggregator.RowSink sink) throws IOException {
        forEach((rowNo, usages) -> sink.row(rows.get(rowNo), usages));
    }

    @FunctionalInterface
    private interface HeldSink {
        void accept(int rowNo, List<RowUsage> usages) throws IOException;
    }

    private void forEach(HeldSink sink) throws IOException {
        if (out == null) {
            for (Held held : inMemory) {
                sink.accept(held.rowNo, held.usages);
            }
            return;
        }
        out.flush();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                int rowNo;
                try {
                    rowNo = in.readInt();
                } catch (EOFException end) {
                    return;
                }
                sink.accept(rowNo, read(in));
            }
        }
    }

    private void spill() throws IOException {
        file = Files.createTempFile("report-rows-", ".bin");
        out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        for (Held held : inMemory) {
            write(held.rowNo, held.usages);
        }
        inMemory.clear();
    }

    private void write(int rowNo, List<RowUsage> usages) throws IOException {
        out.writeInt(rowNo);
        out.writeInt(usages.size());
        for (RowUsage usage : usages) {
            out.writeUTF(usage.usageName());
            out.writeUTF(usage.edition());
            out.writeUTF(usage.unit());
            out.writeBoolean(usage.sku() != null);
            if (usage.sku() != null) {
                out.writeUTF(usage.sku());
            }
            for (long value : usage.values()) {
                out.writeLong(value);
            }
        }
    }

    private List<RowUsage> read(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<RowUsage> usages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String usageName = in.readUTF();
            String edition = in.readUTF();
            String unit = in.readUTF();
            String sku = in.readBoolean() ? in.readUTF() : null;
            long[] values = new long[dates];
            for (int d = 0; d < dates; d++) {
                values[d] = in.readLong();
            }
            usages.add(new RowUsage(usageName, edition, unit, sku, values));
        }
        return usages;
    }

    /** Deletes the temporary file, if any. */
    @Override
    public void close() throws IOException {
        if (out != null) {
            try (DataOutputStream closing = out) {
                out = null;
            } finally {
                Files.deleteIfExists(file);
            }
        }
        inMemory.clear();
    }
}
