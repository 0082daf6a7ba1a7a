package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.usagereports.client.ApiErrorException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on the typed errors report-client throws. */
final class ApiFailures {

    private ApiFailures() {}

    /** The error a call fails with; the call must fail with an API error. */
    static ApiErrorException failure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ApiErrorException.class);
        return (ApiErrorException) thrown;
    }

    static ApiErrorException assertFails(ThrowingCallable call, int status, String code) {
        ApiErrorException e = failure(call);
        assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        return e;
    }

    static void assertFails(ThrowingCallable call, int status, String code, String field) {
        assertThat(assertFails(call, status, code).field()).isEqualTo(field);
    }
}
