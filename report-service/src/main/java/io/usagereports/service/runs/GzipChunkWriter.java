package io.usagereports.service.runs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The gzip-compressed content of one stored report as it is written, in chunks: one gzip member
 * (RFC 1952), compressed at zlib's fastest level in blocks on threads of {@code executor} while
 * the writing thread formats the next ones, as {@code pigz} does.
 *
 * <p>Why: compressing was the largest share of the server's work on a large report (the
 * benchmark's daily report: about 3.5 s of CPU for 930 MB of CSV, at zlib's ~250 MB/s, as much
 * as the database's query). On one thread it set the pace whenever it fell behind the query.
 *
 * <p>Each block is deflated on its own, primed with the last 32 KiB of the block before it (the
 * whole window deflate can refer back to, so a block compresses as well as in one stream) and
 * ended with a sync flush, which ends it on a byte boundary; the blocks' outputs, written in order,
 * are one deflate stream. The checksum and size are taken on the writing thread. At most
 * {@link #IN_FLIGHT} blocks are compressed at once; the writing thread waits for the oldest
 * before it hands over another. Blocks and their {@link Deflater}s are reused.
 */
final class GzipChunkWriter extends OutputStream {

    /** Small enough to stay an ordinary object for G1 in a 512 MB heap (not a humongous one). */
    static final int BLOCK_SIZE = 1 << 17;

    static final int IN_FLIGHT = 2;

    private static final int WINDOW = 1 << 15;

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final ChunkedOutputStream chunks;
    private final ExecutorService executor;
    private final CRC32 crc = new CRC32();
    private final ArrayDeque<Block> compressing = new ArrayDeque<>();
    private final ArrayDeque<Block> free = new ArrayDeque<>();
    private Block current = new Block();
    private long contentSize;

    GzipChunkWriter(ChunkedOutputStream chunks, ExecutorService executor) throws IOException {
        this.chunks = chunks;
        this.executor = executor;
        chunks.write(HEADER);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, BLOCK_SIZE - current.length);
            System.arraycopy(b, off, current.input, current.length, n);
            current.length += n;
            off += n;
            len -= n;
            if (current.length == BLOCK_SIZE) {
                handOver(false);
            }
        }
    }

    /** Completes the gzip stream and writes its last chunk; returns its sizes. */
    OutputSize complete() throws IOException {
        handOver(true);
        while (!compressing.isEmpty()) {
            writeOldest();
        }
        byte[] trailer = new byte[8];
        littleEndian(trailer, 0, crc.getValue());
        littleEndian(trailer, 4, contentSize);
        chunks.write(trailer);
        chunks.close();
        close();
        return new OutputSize(chunks.size(), contentSize);
    }

    /**
     * Frees the compressors' native memory. Before {@link #complete}, waits for the blocks being
     * compressed (they touch nothing but their own block) and writes nothing more.
     */
    @Override
    public void close() {
        for (Block block : compressing) {
            try {
                block.compressed.get();
            } catch (ExecutionException | RuntimeException e) {
                // Abandoned: the report failed already, and says why.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            block.deflater.end();
        }
        compressing.clear();
        current.deflater.end();
        free.forEach(block -> block.deflater.end());
        free.clear();
    }

    /** Hands the current block to a compressing thread and starts the next, primed with its end. */
    private void handOver(boolean last) throws IOException {
        Block block = current;
        crc.update(block.input, 0, block.length);
        contentSize += block.length;
        block.last = last;
        try {
            block.compressed = executor.submit(block::compress, null);
        } catch (RejectedExecutionException e) {
            throw new IOException("The server is stopping: a report's compression was refused", e);
        }
        compressing.add(block);
        if (!last) {
            current = free.isEmpty() ? new Block() : free.poll();
            current.prime(block);
        }
        while (compressing.size() > IN_FLIGHT) {
            writeOldest();
        }
    }

    private void writeOldest() throws IOException {
        Block block = compressing.poll();
        try {
            block.compressed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while compressing a report");
        } catch (ExecutionException e) {
            throw new IOException("Compressing a report failed", e.getCause());
        }
        chunks.write(block.output, 0, block.outputLength);
        block.length = 0;
        free.add(block);
    }

    private static void littleEndian(byte[] b, int at, long value) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (value >>> (8 * i));
        }
    }

    /** A block of content and its deflated form, with the compressor that makes it. */
    private static final class Block {
        final byte[] input = new byte[BLOCK_SIZE];
        final byte[] window = new byte[WINDOW];
        final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        int length;
        int windowLength;
        boolean last;
        byte[] output = new byte[BLOCK_SIZE / 4];
        int outputLength;
        Future<?> compressed;

        /** Takes the end of the block before this one as the window this one may refer back to. */
        void prime(Block before) {
            windowLength = Math.min(WINDOW, before.length);
            System.arraycopy(before.input, before.length - windowLength, window, 0, windowLength);
        }

        /** Deflates the block: ended with a sync flush, or, if last, with the stream's end. */
        void compress() {
            deflater.reset();
            if (windowLength > 0) {
                deflater.setDictionary(window, 0, windowLength);
            }
            deflater.setInput(input, 0, length);
            outputLength = 0;
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    deflateInto(Deflater.NO_FLUSH);
                }
            } else {
                // A sync flush is complete once it leaves room unused in the output.
                do {
                    deflateInto(Deflater.SYNC_FLUSH);
                } while (outputLength == output.length);
            }
        }

        private void deflateInto(int flush) {
            if (outputLength == output.length) {
                output = Arrays.copyOf(output, output.length * 2);
            }
            outputLength += deflater.deflate(output, outputLength, output.length - outputLength, flush);
        }
    }
}
