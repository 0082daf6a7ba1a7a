package io.usagereports.web.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usagereports.service.common.ServiceException;
import io.usagereports.service.usage.IndexedRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonUsageRowsTest {

    private static final String ROW =
            "{\"tenant_id\":\"6c1e3e0a-9d5b-4d53-9f0e-2a4b5c6d7e8f\",\"usage_name\":\"storage\","
                    + "\"value\":1,\"measured_at\":\"2026-01-01T00:00:00+00:00\"}";

    private static List<IndexedRow> rows(byte[] body) {
        List<IndexedRow> rows = new ArrayList<>();
        new JsonUsageRows(new ByteArrayInputStream(body)).forEachRemaining(rows::add);
        return rows;
    }

    private static List<IndexedRow> rows(String body) {
        return rows(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void refused(String body, String code, String field) {
        refused(body.getBytes(StandardCharsets.UTF_8), code, field);
    }

    private static void refused(byte[] body, String code, String field) {
        assertThatThrownBy(() -> rows(body)).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.kind()).isEqualTo(ServiceException.Kind.INVALID_REQUEST);
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).doesNotContain("Exception");
        });
    }

    @Test
    void readsEveryRowOfAWellFormedBody() {
        assertThat(rows("{\"items\":[" + ROW + "," + ROW + "]}"))
                .extracting(IndexedRow::problem)
                .containsExactly(null, null);
        assertThat(rows("{\"items\":[]} \n")).isEmpty();
    }

    @Test
    void malformedJsonInsideAReadingIsInvalidJson() {
        refused("{\"items\":[{\"tenant_id\":\"x\"", "invalid_json", null);
        refused("{\"items\":[{\"value\":NaN}]}", "invalid_json", null);
        refused("{\"items\":[" + ROW + ",NaN]}", "invalid_json", null);
        refused("{\"items\":[" + ROW.replace("}", ",\"a\":" + "[".repeat(2_000)) + "]}", "invalid_json", null);
    }

    @Test
    void aBodyCutShortOrFollowedByAnythingIsInvalidJson() {
        refused("{\"items\":[" + ROW + "]", "invalid_json", null);
        refused("{\"items\":[" + ROW + "]}x", "invalid_json", null);
        refused("{\"items\":[" + ROW + "]}{}", "invalid_json", null);
        refused("{\"items\":[" + ROW + "],\"items\":[]}", "invalid_json", null);
        refused("{\"items\":[" + ROW + "],\"colour\":1}", "unknown_field", "colour");
    }

    @Test
    void invalidUtf8AnywhereIsInvalidJson() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"items\":[" + ROW.replace("storage", "stor")).getBytes(StandardCharsets.UTF_8));
        body.write(0xff);
        body.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        refused(body.toByteArray(), "invalid_json", null);
    }

    @Test
    void itemsMustBeAnArrayNamedAsSuch() {
        refused("{\"items\":{}}", "invalid_type", "items");
        refused("{\"items\":\"x\"}", "invalid_type", "items");
        refused("{\"items\":null}", "required_field", "items");
        refused("{}", "required_field", "items");
        refused("[]", "invalid_type", null);
    }

    @Test
    void anUnknownFieldOfAReadingIsAFailedRowWithItsCode() {
        List<IndexedRow> rows = rows("{\"items\":[" + ROW + "," + ROW.replace("}", ",\"colour\":\"red\"}") + "]}");

        assertThat(rows.get(1).problem().field()).isEqualTo("colour");
        assertThat(rows.get(1).problem().code()).isEqualTo("unknown_field");
        assertThat(rows.get(1).problem().unknownField()).isTrue();
    }
}
