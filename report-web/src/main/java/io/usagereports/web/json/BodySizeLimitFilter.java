package io.usagereports.web.json;

import static io.usagereports.model.common.ErrorCodes.PAYLOAD_TOO_LARGE;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses bodies over 1 MiB, or 64 MiB for usage ingestion (docs/api.md §1), with 413: at once when
 * {@code Content-Length} says so, and while reading when a chunked body grows past the limit,
 * so an oversized body is never buffered whole.
 */
@Provider
@PreMatching
public class BodySizeLimitFilter implements ContainerRequestFilter {

    static final long LIMIT = 1024 * 1024;
    static final long INGESTION_LIMIT = 64 * LIMIT;

    @Override
    public void filter(ContainerRequestContext request) {
        long limit =
                request.getUriInfo().getPath().replaceAll("^/+|/+$", "").equals("usages") ? INGESTION_LIMIT : LIMIT;
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limit) {
                    throw tooLarge(limit);
                }
            } catch (NumberFormatException e) {
                // the container rejects a malformed Content-Length itself
            }
        }
        request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
    }

    static ServiceException tooLarge(long limit) {
        return ServiceException.of(
                Kind.TOO_LARGE,
                ErrorDomains.API,
                PAYLOAD_TOO_LARGE,
                "The body is larger than " + limit / LIMIT + " MiB.",
                null,
                "Send a smaller body" + (limit == LIMIT ? "." : ", or split the batch."));
    }

    /** Counts bytes as they are read and fails once more than the limit have arrived. */
    static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
