package io.usagereports.service.runs;

import io.usagereports.service.generation.HandOff;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;

/**
 * Stores the chunks of an attempt's outputs on a thread of their own, in the order they were cut:
 * compressing the next megabyte overlaps storing and committing this one, where the thread that
 * formats and compresses the report used to wait for the database after every chunk (an insert
 * and a commit of 1 MiB: 20 to 100 ms). At most {@link #WAITING} chunks wait to be stored, each a
 * copy of the chunk as it was cut, in a buffer the storing thread gives back once it is stored: the
 * few buffers are reused, not allocated per chunk (objects of 1 MiB are costly for the collector).
 *
 * <p>The storing thread is the only user of the chunks' connection until {@link #finish} or
 * {@link #close} returns; what fails it (a lost claim, a database error) is rethrown to the
 * formatting thread at its next chunk or at {@link #finish}.
 */
final class ChunkStoring implements AutoCloseable {

    static final int WAITING = 2;

    /** Stores one chunk of a stored report (on the storing thread): the first {@code length} bytes of {@code data}. */
    @FunctionalInterface
    interface Store {
        void chunk(UUID storedId, int seq, byte[] data, int length) throws IOException;
    }

    private record Chunk(UUID storedId, int seq, byte[] data, int length) {}

    private final HandOff<Chunk> handOff;

    /**
     * Buffers given back after storing: as many as can be held at once (waiting, being stored,
     * being copied into), so a chunk finds one; should none be free, a new one is made.
     */
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(WAITING + 2);

    ChunkStoring(ExecutorService executor, Store store) throws HandOff.Stopped {
        handOff = new HandOff<>(executor, WAITING, c -> {
            store.chunk(c.storedId(), c.seq(), c.data(), c.length());
            free.offer(c.data());
        });
    }

    /** The sink of one stored report's chunks: each is copied, then stored on the storing thread. */
    ChunkedOutputStream.ChunkSink of(UUID storedId) {
        return (seq, data, length) -> {
            byte[] copy = free.poll();
            if (copy == null || copy.length < length) {
                copy = new byte[data.length];
            }
            System.arraycopy(data, 0, copy, 0, length);
            handOff.put(new Chunk(storedId, seq, copy, length));
        };
    }

    /** Waits until every chunk handed over is stored; rethrows what failed the storing thread. */
    void finish() throws IOException {
        handOff.finish();
    }

    /** Stops the storing thread if the report failed, and waits until it no longer uses the connection. */
    @Override
    public void close() {
        handOff.close();
    }
}
