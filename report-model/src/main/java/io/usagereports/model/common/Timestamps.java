package io.usagereports.model.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The API's timestamp form: RFC 3339, whole seconds, written in UTC with an explicit
 * {@code +00:00} offset (never {@code Z}), e.g. {@code 2026-05-08T07:36:57+00:00}.
 */
public final class Timestamps {

    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private Timestamps() {}

    public static String format(Instant instant) {
        return WIRE.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** Parses any RFC 3339 timestamp with an offset ({@code Z} included). */
    public static Instant parse(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .toInstant();
    }
}
