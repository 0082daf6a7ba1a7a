package io.usagereports.service.runs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Enumeration;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

/**
 * The content of a saved stored report, read chunk by chunk when it is sent: a download of any
 * size holds one chunk in memory. Its name is the file name to offer the client.
 */
public final class StoredReportContent {

    private final RunClaims ledger;
    private final UUID storedId;
    private final int attempt;
    private final String fileName;
    private final long compressedSize;

    StoredReportContent(RunClaims ledger, UUID storedId, int attempt, String fileName, long compressedSize) {
        this.ledger = ledger;
        this.storedId = storedId;
        this.attempt = attempt;
        this.fileName = fileName;
        this.compressedSize = compressedSize;
    }

    public String fileName() {
        return fileName;
    }

    public long compressedSize() {
        return compressedSize;
    }

    /** Writes the content as stored: gzip-compressed. */
    public void writeCompressed(OutputStream out) throws IOException {
        try (InputStream in = compressed()) {
            in.transferTo(out);
        }
    }

    /** Writes the content decompressed. */
    public void writeDecompressed(OutputStream out) throws IOException {
        try (InputStream in = openDecompressed()) {
            in.transferTo(out);
        }
    }

    /** The content decompressed, read chunk by chunk as it is consumed. Close it when done. */
    public InputStream openDecompressed() throws IOException {
        return new GZIPInputStream(compressed(), 1 << 16);
    }

    /** The chunks in order, each fetched when the previous one is used up. */
    private InputStream compressed() {
        return new SequenceInputStream(new Enumeration<InputStream>() {
            private int seq;
            private Optional<byte[]> next = fetch(0);

            @Override
            public boolean hasMoreElements() {
                return next.isPresent();
            }

            @Override
            public InputStream nextElement() {
                byte[] chunk = next.orElseThrow(NoSuchElementException::new);
                next = fetch(++seq);
                return new java.io.ByteArrayInputStream(chunk);
            }
        });
    }

    private Optional<byte[]> fetch(int seq) {
        try (Connection c = ledger.connection()) {
            return RunRepository.chunk(c, storedId, attempt, seq);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading stored report " + storedId + " failed", e);
        }
    }
}
