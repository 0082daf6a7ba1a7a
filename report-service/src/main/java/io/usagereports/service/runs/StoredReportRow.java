package io.usagereports.service.runs;

import io.usagereports.model.common.WireEnum;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.runs.StoredReport;
import io.usagereports.model.runs.StoredStatus;
import io.usagereports.service.persistence.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code stored_report}: one format of one run; its content is the chunks of
 * {@code contentAttempt}. {@code size} is the compressed size, {@code contentSize} the size of
 * the content itself (unknown for outputs saved before it was recorded).
 */
record StoredReportRow(
        UUID id,
        UUID runId,
        UUID reportId,
        ReportFormat format,
        StoredStatus status,
        Instant createdAt,
        Long size,
        Long contentSize,
        Integer contentAttempt,
        String fileName) {

    static final String COLUMNS = "id, run_id, report_id, report_format, status, created_at, size, content_size,"
            + " content_attempt, file_name";

    static StoredReportRow read(ResultSet rs) throws SQLException {
        return new StoredReportRow(
                rs.getObject("id", UUID.class),
                rs.getObject("run_id", UUID.class),
                rs.getObject("report_id", UUID.class),
                WireEnum.parse(ReportFormat.class, rs.getString("report_format"))
                        .orElseThrow(),
                WireEnum.parse(StoredStatus.class, rs.getString("status")).orElseThrow(),
                Jdbc.instant(rs, "created_at"),
                rs.getObject("size", Long.class),
                rs.getObject("content_size", Long.class),
                rs.getObject("content_attempt", Integer.class),
                rs.getString("file_name"));
    }

    StoredReport toWire() {
        return new StoredReport(id, format, createdAt, size, status);
    }
}
