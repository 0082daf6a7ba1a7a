package io.usagereports.web.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.model.common.ApiError;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnexpectedExceptionMapperTest {

    private final Logger log = Logger.getLogger(UnexpectedExceptionMapper.class.getName());
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureLog() {
        log.addHandler(capture);
        log.setUseParentHandlers(false);
    }

    @AfterEach
    void releaseLog() {
        log.removeHandler(capture);
        log.setUseParentHandlers(true);
    }

    @Test
    void answersAnOpaque500AndLogsTheCauseUnderTheSameIncident() {
        IllegalStateException cause = new IllegalStateException("connection refused to db.internal:5432");

        Response response = new UnexpectedExceptionMapper().toResponse(cause);

        assertThat(response.getStatus()).isEqualTo(500);
        ApiError.ErrorBody error = ((ApiError) response.getEntity()).error();
        assertThat(error.code()).isEqualTo("internal_error");
        assertThat(error.details()).isNotNull();
        assertThat(error.toString()).doesNotContain("db.internal", "IllegalStateException", "at io.");
        String incident = (String) error.context().get("incident");
        assertThat(logged).singleElement().satisfies(record -> {
            assertThat(record.getThrown()).isSameAs(cause);
            assertThat(record.getMessage()).contains(incident);
        });
    }
}
