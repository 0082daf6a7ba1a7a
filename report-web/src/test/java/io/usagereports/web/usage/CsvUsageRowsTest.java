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

class CsvUsageRowsTest {

    private static final String HEADER = "tenant_id,usage_name,value,measured_at\r\n";
    private static final String ROW = "6c1e3e0a-9d5b-4d53-9f0e-2a4b5c6d7e8f,storage,1,2026-01-01T00:00:00+00:00\r\n";

    private static List<IndexedRow> rows(byte[] body) {
        List<IndexedRow> rows = new ArrayList<>();
        new CsvUsageRows(new ByteArrayInputStream(body)).forEachRemaining(rows::add);
        return rows;
    }

    private static ServiceException refused(byte[] body, String messagePart) {
        ServiceException[] thrown = new ServiceException[1];
        assertThatThrownBy(() -> rows(body)).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.kind()).isEqualTo(ServiceException.Kind.INVALID_REQUEST);
            assertThat(e.code()).isEqualTo("invalid_csv");
            assertThat(e.getMessage())
                    .contains(messagePart)
                    .doesNotContain("org.apache")
                    .doesNotContain("Exception");
            thrown[0] = e;
        });
        return thrown[0];
    }

    private static ServiceException refused(String body, String messagePart) {
        return refused(body.getBytes(StandardCharsets.UTF_8), messagePart);
    }

    @Test
    void readsAWellFormedBody() {
        assertThat(rows((HEADER + ROW + ROW).getBytes(StandardCharsets.UTF_8))).hasSize(2);
    }

    @Test
    void anUnbalancedQuoteIsInvalidCsvWithoutClassNames() {
        refused(HEADER + ROW + "\"6c1e3e0a,storage,1,x\r\n", "Row 1 is not valid CSV");
        refused(HEADER + "\"x\"y,storage,1,x\r\n", "Row 0 is not valid CSV");
        refused("tenant_id,\"usage_name\r\n", "not CSV with a header line");
    }

    @Test
    void aColumnNamedTwiceIsInvalidCsv() {
        refused("tenant_id,usage_name,value,measured_at,value\r\n" + ROW.replace("\r\n", ",2\r\n"), "'value' twice");
    }

    @Test
    void everyRowHasAsManyFieldsAsTheHeader() {
        refused(HEADER + ROW + ROW.replace("\r\n", ",extra\r\n"), "Row 1");
        refused(HEADER + "6c1e3e0a-9d5b-4d53-9f0e-2a4b5c6d7e8f,storage,1\r\n", "has 3 field(s); the header names 4");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotReplaced() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes((HEADER + ROW.replace("storage", "stor")).getBytes(StandardCharsets.UTF_8));
        body.write(0xe9);
        refused(body.toByteArray(), "not valid UTF-8");

        ByteArrayOutputStream inRow = new ByteArrayOutputStream();
        inRow.writeBytes((HEADER + "6c1e3e0a-9d5b-4d53-9f0e-2a4b5c6d7e8f,caf").getBytes(StandardCharsets.UTF_8));
        inRow.write(0xe9);
        inRow.writeBytes(",1,2026-01-01T00:00:00+00:00\r\n".getBytes(StandardCharsets.UTF_8));
        refused(inRow.toByteArray(), "not valid UTF-8");

        ByteArrayOutputStream inHeader = new ByteArrayOutputStream();
        inHeader.write(0xff);
        inHeader.writeBytes((HEADER + ROW).getBytes(StandardCharsets.UTF_8));
        refused(inHeader.toByteArray(), "not valid UTF-8");
    }
}
