package io.usagereports.service.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class StoredContentExceptionTest {

    @Test
    void aStoredReportThatCannotBeReadIsThisServersFailureNotTheMailServers() throws Exception {
        ReportMail.Content corrupt = StoredContentException.guarded(
                () -> new GZIPInputStream(new ByteArrayInputStream(new byte[] {31, -117, 8, 0})));

        assertThatThrownBy(corrupt::open).isInstanceOf(StoredContentException.class);

        ReportMail.Content truncated = StoredContentException.guarded(() -> new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Unexpected end of ZLIB input stream");
            }
        });
        try (InputStream in = truncated.open()) {
            assertThatThrownBy(in::read).isInstanceOf(StoredContentException.class);
            assertThatThrownBy(() -> in.read(new byte[8], 0, 8)).isInstanceOf(StoredContentException.class);
        }
        // As the SMTP transport reports it: wrapped in its own exception.
        SendFailure failure = SendFailure.ofError(new MessagingException(
                "IOException while sending message", new StoredContentException(new IOException("corrupt"))));
        assertThat(SendFailure.causedBy(
                        new MessagingException("x", new StoredContentException(new IOException("corrupt"))),
                        StoredContentException.class))
                .isTrue();
        assertThat(failure.code()).isEqualTo(SendFailure.DELIVERY_ERROR);
        assertThat(failure.permanent()).isFalse();
    }
}
