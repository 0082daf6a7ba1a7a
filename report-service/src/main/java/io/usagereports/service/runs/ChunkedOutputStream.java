package io.usagereports.service.runs;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Cuts what is written into chunks of a fixed size and hands each full chunk to a sink: a
 * stored output of any size is written with one chunk of memory.
 */
final class ChunkedOutputStream extends OutputStream {

    /** Receives chunk {@code seq} (from 0); the buffer is reused after the call returns. */
    @FunctionalInterface
    interface ChunkSink {
        void chunk(int seq, byte[] data, int length) throws IOException;
    }

    static final int CHUNK_SIZE = 1 << 20;

    private final ChunkSink sink;
    private final byte[] buffer;
    private int filled;
    private int seq;
    private long size;
    private boolean closed;

    ChunkedOutputStream(ChunkSink sink, int chunkSize) {
        this.sink = sink;
        this.buffer = new byte[chunkSize];
    }

    @Override
    public void write(int b) throws IOException {
        buffer[filled++] = (byte) b;
        size++;
        if (filled == buffer.length) {
            emit();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, buffer.length - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            size += n;
            off += n;
            len -= n;
            if (filled == buffer.length) {
                emit();
            }
        }
    }

    /** Writes the last, partial chunk. Flushing in between does not cut chunks. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            if (filled > 0 || seq == 0) {
                emit();
            }
        }
    }

    /** Bytes written so far. */
    long size() {
        return size;
    }

    private void emit() throws IOException {
        sink.chunk(seq++, buffer, filled);
        filled = 0;
    }
}
