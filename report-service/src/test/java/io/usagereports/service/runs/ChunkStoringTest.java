package io.usagereports.service.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChunkStoringTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /**
     * The cutting stream reuses its buffer as soon as a chunk is handed over, and the storing
     * thread reuses its copies: what is stored must still be exactly what was written, in order.
     */
    @Test
    void twoOutputsAreStoredExactlyAsWrittenWhileBuffersAreReused() throws IOException {
        UUID csv = UUID.randomUUID();
        UUID json = UUID.randomUUID();
        Map<UUID, ByteArrayOutputStream> stored = new ConcurrentHashMap<>();
        Map<UUID, Integer> nextSeq = new ConcurrentHashMap<>();
        byte[] csvContent = random(1, 40 * 1024 + 17);
        byte[] jsonContent = random(2, 25 * 1024);
        try (ChunkStoring storing = new ChunkStoring(executor, (storedId, seq, data, length) -> {
            assertThat(seq).isEqualTo(nextSeq.merge(storedId, 1, Integer::sum) - 1);
            stored.computeIfAbsent(storedId, k -> new ByteArrayOutputStream()).write(data, 0, length);
            Thread.onSpinWait(); // a slow store: the writer runs ahead into the next buffers
        })) {
            ChunkedOutputStream a = new ChunkedOutputStream(storing.of(csv), 1024);
            ChunkedOutputStream b = new ChunkedOutputStream(storing.of(json), 1024);
            for (int at = 0; at < csvContent.length; at += 100) {
                a.write(csvContent, at, Math.min(100, csvContent.length - at));
                if (at < jsonContent.length) {
                    b.write(jsonContent, at, Math.min(100, jsonContent.length - at));
                }
            }
            a.close();
            b.close();
            storing.finish();
        }
        assertThat(stored.get(csv).toByteArray()).isEqualTo(csvContent);
        assertThat(stored.get(json).toByteArray()).isEqualTo(jsonContent);
        assertThat(nextSeq).containsEntry(csv, 41).containsEntry(json, 25);
    }

    @Test
    void aStoreThatFailsStopsTheWriterAtItsNextChunk() throws IOException {
        try (ChunkStoring storing = new ChunkStoring(executor, (storedId, seq, data, length) -> {
            throw new IOException("disk full");
        })) {
            ChunkedOutputStream out = new ChunkedOutputStream(storing.of(UUID.randomUUID()), 16);
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 100; i++) {
                            out.write(new byte[16]);
                        }
                        storing.finish();
                    })
                    .isInstanceOf(IOException.class)
                    .hasMessage("disk full");
        }
    }

    private static byte[] random(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
