package io.usagereports.service.delivery;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reading a stored report for a message failed: a failure of this server's storage, not of the
 * mail server's, so that it is told apart from the transport's errors ({@code delivery_error}).
 */
final class StoredContentException extends IOException {

    StoredContentException(IOException cause) {
        super("Reading the stored report failed: " + cause.getMessage(), cause);
    }

    /** {@code content} whose failures, when opened or read, are this exception. */
    static ReportMail.Content guarded(ReportMail.Content content) {
        return () -> {
            InputStream in;
            try {
                in = content.open();
            } catch (IOException e) {
                throw new StoredContentException(e);
            }
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    try {
                        return super.read();
                    } catch (StoredContentException e) {
                        throw e;
                    } catch (IOException e) {
                        throw new StoredContentException(e);
                    }
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    try {
                        return super.read(buffer, offset, length);
                    } catch (StoredContentException e) {
                        throw e;
                    } catch (IOException e) {
                        throw new StoredContentException(e);
                    }
                }
            };
        };
    }
}
