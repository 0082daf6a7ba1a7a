package io.usagereports.service.delivery;

import io.usagereports.model.common.WireEnum;
import io.usagereports.model.runs.Delivery;
import io.usagereports.model.runs.DeliveryStatus;
import io.usagereports.model.runs.DeliveryTransport;
import io.usagereports.model.runs.Failure;
import io.usagereports.service.persistence.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code report_delivery}: one e-mail of a run to one recipient. {@code attempt} counts its claims. */
record DeliveryRow(
        UUID id,
        UUID runId,
        UUID reportId,
        UUID recipient,
        int position,
        String messageId,
        DeliveryStatus status,
        int attempt,
        Instant dueAt,
        Instant createdAt,
        String email,
        DeliveryTransport transport,
        Instant lastAttemptAt,
        Instant deliveredAt,
        String failureCode,
        String failureMessage) {

    static final String COLUMNS = "id, run_id, report_id, recipient, position, message_id, status, attempt, due_at,"
            + " created_at, email, transport, last_attempt_at, delivered_at, failure_code, failure_message";

    /** A new delivery, due at {@code dueAt}, not tried yet. */
    static DeliveryRow pending(
            UUID id, UUID runId, UUID reportId, UUID recipient, int position, String messageId, Instant dueAt) {
        return new DeliveryRow(
                id,
                runId,
                reportId,
                recipient,
                position,
                messageId,
                DeliveryStatus.PENDING,
                0,
                dueAt,
                dueAt,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    static DeliveryRow read(ResultSet rs) throws SQLException {
        return new DeliveryRow(
                rs.getObject("id", UUID.class),
                rs.getObject("run_id", UUID.class),
                rs.getObject("report_id", UUID.class),
                rs.getObject("recipient", UUID.class),
                rs.getInt("position"),
                rs.getString("message_id"),
                WireEnum.parse(DeliveryStatus.class, rs.getString("status")).orElseThrow(),
                rs.getInt("attempt"),
                Jdbc.instant(rs, "due_at"),
                Jdbc.instant(rs, "created_at"),
                rs.getString("email"),
                rs.getString("transport") == null
                        ? null
                        : WireEnum.parse(DeliveryTransport.class, rs.getString("transport"))
                                .orElseThrow(),
                Jdbc.instant(rs, "last_attempt_at"),
                Jdbc.instant(rs, "delivered_at"),
                rs.getString("failure_code"),
                rs.getString("failure_message"));
    }

    Delivery toWire() {
        return new Delivery(
                recipient,
                email,
                status,
                transport,
                attempt,
                lastAttemptAt,
                deliveredAt,
                messageId,
                failureCode == null ? null : new Failure(failureCode, failureMessage));
    }
}
