package io.usagereports.service.reports;

import static io.usagereports.model.common.ErrorCodes.INVALID_VALUE;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.service.common.ServiceException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A position in the stable order of reports (creation time, then ID), handed to clients as an
 * opaque token. Keyset paging: a page starts strictly after this position, so reports created
 * or deleted meanwhile never make a page repeat or skip an existing report.
 */
record ReportCursor(Instant createdAt, UUID id) {

    String encode() {
        String raw = createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static ReportCursor decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("three parts expected");
            }
            return new ReportCursor(
                    Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw ServiceException.invalid(
                    ErrorDomains.REPORTS,
                    INVALID_VALUE,
                    "after",
                    "The paging cursor is not valid.",
                    "Pass back paging.cursors.after from the previous page unchanged.");
        }
    }
}
