package io.usagereports.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.usagereports.client.StubServer.Answer;
import io.usagereports.model.common.ErrorCodes;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportUpdate;
import io.usagereports.model.reports.ResultAction;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error answer reaches the caller as an {@link ApiErrorException}, whatever its body. */
class ApiErrorMappingTest {

    private static final UUID REPORT = UUID.fromString("0b8f4f0e-2a8c-4c8e-9a39-5f3a4c1d2e01");
    private static final String REPORT_PATH = "/api/2/reports/" + REPORT;

    private StubServer server;
    private ReportsApi reports;

    @BeforeEach
    void start() throws Exception {
        server = new StubServer();
        reports = ReportsClient.reports(server.base(), Credentials.login("alice", "secret"));
    }

    @AfterEach
    void stop() throws Exception {
        ((AutoCloseable) reports).close();
        server.close();
    }

    @Test
    void aStaleVersionIsThrownAsApiErrorExceptionWithItsCode() {
        server.onJson("PUT", REPORT_PATH, 409, """
                {"error":{"code":"version_conflict","domain":"Reports",\
                "message":"The report was changed since version 3.",\
                "details":{"info":"Read the report again and retry.","field":"version"},\
                "context":{"expected_version":3,"actual_version":4}}}""");

        ApiErrorException e = catchThrowableOfType(
                ApiErrorException.class, () -> reports.updateReport(REPORT, 3, ReportUpdate.empty()));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.code()).isEqualTo(ErrorCodes.VERSION_CONFLICT);
        assertThat(e.domain()).isEqualTo("Reports");
        assertThat(e.field()).isEqualTo("version");
        assertThat(e.info()).isEqualTo("Read the report again and retry.");
        assertThat(e.getMessage()).isEqualTo("409 version_conflict: The report was changed since version 3.");
        assertThat(e.context()).containsOnlyKeys("expected_version", "actual_version");
        assertThat(((Number) e.context().get("expected_version")).intValue()).isEqualTo(3);
        assertThat(((Number) e.context().get("actual_version")).intValue()).isEqualTo(4);
        assertThat(server.requests("PUT", REPORT_PATH))
                .singleElement()
                .satisfies(r -> assertThat(r.header("If-Match")).isEqualTo("\"3\""));
    }

    @Test
    void aNotFoundAnswerToAVoidCallIsThrownAsApiErrorException() {
        server.onJson("DELETE", REPORT_PATH, 404, """
                {"error":{"code":"not_found","domain":"Reports","message":"No such report.",\
                "details":{}}}""");

        ApiErrorException e = catchThrowableOfType(ApiErrorException.class, () -> reports.deleteReport(REPORT, 2));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.code()).isEqualTo(ErrorCodes.NOT_FOUND);
        assertThat(e.field()).isNull();
        assertThat(e.context()).isEmpty();
        assertThat(server.requests("DELETE", REPORT_PATH))
                .singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("version=2"));
    }

    @Test
    void anHtmlPageFromAProxyIsThrownAsApiErrorExceptionNamedAfterItsStatus() {
        server.on(
                "GET", REPORT_PATH, new Answer(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>"));

        ApiErrorException e = catchThrowableOfType(ApiErrorException.class, () -> reports.getReport(REPORT));

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.code()).isEqualTo("http_502");
        assertThat(e.getMessage()).isEqualTo("502 http_502: HTTP 502 without an error body");
        assertThat(e.context()).isEmpty();
    }

    @Test
    void anErrorWithoutABodyIsThrownAsApiErrorExceptionNamedAfterItsStatus() {
        server.on("GET", REPORT_PATH, new Answer(503, null, null));

        ApiErrorException e = catchThrowableOfType(ApiErrorException.class, () -> reports.getReport(REPORT));

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.code()).isEqualTo("http_503");
    }

    @Test
    void aJsonErrorBodyOfAnotherShapeIsThrownAsApiErrorExceptionNamedAfterItsStatus() {
        server.onJson("GET", REPORT_PATH, 500, "{\"message\":\"Internal Server Error\"}");

        ApiErrorException e = catchThrowableOfType(ApiErrorException.class, () -> reports.getReport(REPORT));

        assertThat(e.status()).isEqualTo(500);
        assertThat(e.code()).isEqualTo("http_500");
    }

    @Test
    void aTruncatedJsonErrorBodyIsThrownAsApiErrorExceptionNamedAfterItsStatus() {
        server.onJson("GET", REPORT_PATH, 500, "{\"error\":{\"code\":\"internal_er");

        ApiErrorException e = catchThrowableOfType(ApiErrorException.class, () -> reports.getReport(REPORT));

        assertThat(e.status()).isEqualTo(500);
        assertThat(e.code()).isEqualTo("http_500");
    }

    @Test
    void anErrorWhoseContextHoldsANullIsStillThrownAsApiErrorException() {
        server.onJson("POST", "/api/2/reports", 400, """
                {"error":{"code":"invalid_value","domain":"Reports","message":"Bad time zone.",\
                "details":{"field":"parameters.timezone"},"context":{"allowed":null}}}""");

        Throwable thrown = catchThrowable(() -> reports.createReport(
                Report.builder().resultAction(ResultAction.SAVE).build()));

        assertThat(thrown).isInstanceOf(ApiErrorException.class);
        ApiErrorException e = (ApiErrorException) thrown;
        assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_VALUE);
        assertThat(e.field()).isEqualTo("parameters.timezone");
    }

    @Test
    void aStoredReportStillBeingGeneratedIsThrownAsApiErrorExceptionWhenOpened() {
        UUID stored = UUID.fromString("7c6d1e42-9b0f-4f43-8f0e-0d9a8e6b5c10");
        server.onJson("GET", REPORT_PATH + "/stored/" + stored, 409, """
                {"error":{"code":"not_ready","domain":"Reports","message":"Still generating.",\
                "details":{"info":"Poll the stored report's status."}}}""");

        ApiErrorException e = catchThrowableOfType(ApiErrorException.class, () -> reports.openStored(REPORT, stored));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.code()).isEqualTo(ErrorCodes.NOT_READY);
        assertThat(e.info()).isEqualTo("Poll the stored report's status.");
    }
}
