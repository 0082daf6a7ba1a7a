package io.usagereports.service.runs;

import io.usagereports.model.common.WireEnum;
import io.usagereports.model.runs.RunStatus;
import io.usagereports.model.runs.RunTrigger;
import io.usagereports.service.persistence.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of {@code report_run}. {@code attempt} counts claims; the current claim holds the latest. */
record RunRow(
        UUID id,
        UUID reportId,
        RunTrigger trigger,
        String scheduleKey,
        LocalDate periodStart,
        LocalDate periodEnd,
        Instant dueAt,
        RunStatus status,
        int attempt,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String failureCode,
        String failureMessage) {

    static final String COLUMNS = "id, report_id, run_trigger, schedule_key, period_start, period_end, due_at, status,"
            + " attempt, created_at, started_at, finished_at, failure_code, failure_message";

    static RunRow read(ResultSet rs) throws SQLException {
        return new RunRow(
                rs.getObject("id", UUID.class),
                rs.getObject("report_id", UUID.class),
                WireEnum.parse(RunTrigger.class, rs.getString("run_trigger")).orElseThrow(),
                rs.getString("schedule_key"),
                Jdbc.date(rs, "period_start"),
                Jdbc.date(rs, "period_end"),
                Jdbc.instant(rs, "due_at"),
                WireEnum.parse(RunStatus.class, rs.getString("status")).orElseThrow(),
                rs.getInt("attempt"),
                Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "started_at"),
                Jdbc.instant(rs, "finished_at"),
                rs.getString("failure_code"),
                rs.getString("failure_message"));
    }
}
