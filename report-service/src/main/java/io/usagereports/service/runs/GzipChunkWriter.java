package io.usagereports.service.runs;

import java.io.IOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The gzip-compressed content of one stored report as it is written, in chunks. The fastest
 * compression level: reports are large and repetitive, and generation time matters more than
 * the last few percent of size.
 */
final class GzipChunkWriter extends GZIPOutputStream {

    private final ChunkedOutputStream chunks;

    GzipChunkWriter(ChunkedOutputStream chunks) throws IOException {
        super(chunks, 1 << 16);
        this.chunks = chunks;
        def.setLevel(Deflater.BEST_SPEED);
    }

    /** Completes the gzip stream and writes its last chunk; returns its sizes. */
    OutputSize complete() throws IOException {
        finish();
        chunks.close();
        return new OutputSize(chunks.size(), def.getBytesRead());
    }
}
