package io.usagereports.model.runs;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * The e-mail of a {@code send} run to one recipient. {@code email} is the address it went (or
 * goes) to, read from the user when it is sent; {@code attempts} counts the tries so far;
 * {@code message_id} is the same on every try, so a mail system recognises a repeat. Absent
 * values are left out of the JSON.
 */
public record Delivery(
        UUID recipient,
        String email,
        DeliveryStatus status,
        DeliveryTransport transport,
        int attempts,
        @JsonbProperty("last_attempt_at") Instant lastAttemptAt,
        @JsonbProperty("delivered_at") Instant deliveredAt,
        @JsonbProperty("message_id") String messageId,
        Failure failure) {}
