package io.usagereports.web.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.model.common.ApiError;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceExceptionMapperTest {

    @Test
    void tooManyAttemptsIs429WithRetryAfterInTheErrorShape() {
        Response response = new ServiceExceptionMapper()
                .toResponse(new ServiceException(
                        Kind.TOO_MANY_ATTEMPTS,
                        "Auth",
                        "too_many_attempts",
                        "Too many failed sign-ins.",
                        null,
                        "Wait.",
                        Map.of("retry_after", 42L)));

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("42");
        ApiError error = (ApiError) response.getEntity();
        assertThat(error.error().code()).isEqualTo("too_many_attempts");
        assertThat(error.error().context()).containsEntry("retry_after", 42L);
    }

    @Test
    void otherErrorsHaveNoRetryAfter() {
        Response response = new ServiceExceptionMapper()
                .toResponse(ServiceException.of(Kind.CONFLICT, "Reports", "version_conflict", "Stale.", null, null));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getHeaderString("Retry-After")).isNull();
    }
}
