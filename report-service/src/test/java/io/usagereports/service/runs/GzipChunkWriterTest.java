package io.usagereports.service.runs;

import static io.usagereports.service.runs.GzipChunkWriter.BLOCK_SIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GzipChunkWriterTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(GzipChunkWriter.IN_FLIGHT);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Any gzip reader gets back exactly what was written, whatever its size against the blocks. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, BLOCK_SIZE - 1, BLOCK_SIZE, BLOCK_SIZE + 1, 7 * BLOCK_SIZE + 12_345})
    void contentReadsBackExactlyWithItsSizes(int size) throws IOException {
        byte[] content = csvLike(size);
        ByteArrayOutputStream stored = new ByteArrayOutputStream();

        OutputSize sizes = write(content, stored, 1000);

        assertThat(gunzip(stored.toByteArray())).isEqualTo(content);
        assertThat(sizes).isEqualTo(new OutputSize(stored.size(), size));
    }

    /**
     * Each block may refer back into the one before it: content that repeats every 20 KiB
     * compresses about as well as in one stream. Blocks compressed alone would repeat the first
     * 20 KiB of each block as literals: ten times the size here.
     */
    @Test
    void blocksCompressAsOneStream() throws IOException {
        byte[] pattern = random(7, 20 * 1024);
        byte[] content = new byte[16 * BLOCK_SIZE];
        for (int at = 0; at < content.length; at += pattern.length) {
            System.arraycopy(pattern, 0, content, at, Math.min(pattern.length, content.length - at));
        }
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        write(content, stored, 64 * 1024);

        ByteArrayOutputStream oneStream = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(oneStream) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gzip.write(content);
        }
        assertThat(gunzip(stored.toByteArray())).isEqualTo(content);
        assertThat(stored.size()).isLessThan(oneStream.size() * 11 / 10);
    }

    @Test
    void aStoppingServerRefusingTheCompressionFailsTheWrite() throws IOException {
        executor.shutdown();
        GzipChunkWriter writer = new GzipChunkWriter(
                new ChunkedOutputStream((seq, data, length) -> {}, ChunkedOutputStream.CHUNK_SIZE), executor);

        assertThatThrownBy(() -> writer.write(new byte[BLOCK_SIZE]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("stopping");
        writer.close();
    }

    /** Writes {@code content} in pieces of {@code piece} bytes into chunks of 4 KiB appended to {@code stored}. */
    private OutputSize write(byte[] content, ByteArrayOutputStream stored, int piece) throws IOException {
        try (GzipChunkWriter writer = new GzipChunkWriter(
                new ChunkedOutputStream((seq, data, length) -> stored.write(data, 0, length), 4096), executor)) {
            for (int at = 0; at < content.length; at += piece) {
                writer.write(content, at, Math.min(piece, content.length - at));
            }
            return writer.complete();
        }
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    /** Lines of a report: repetitive names and dates, varying numbers. */
    private static byte[] csvLike(int size) {
        Random random = new Random(size);
        StringBuilder text = new StringBuilder(size + 100);
        while (text.length() < size) {
            text.append("customer-")
                    .append(random.nextInt(500))
                    .append(",usage-0")
                    .append(random.nextInt(10))
                    .append(",2026-10-")
                    .append(10 + random.nextInt(20))
                    .append(',')
                    .append(random.nextLong() >>> 20)
                    .append("\r\n");
        }
        return text.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] random(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
