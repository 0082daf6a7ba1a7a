package io.usagereports.model.runs;

import java.util.UUID;

/** The e-mail delivery of a {@code send} run to one recipient. */
public record Delivery(UUID recipient, String status, int attempts) {
}
