package io.usagereports.model.usage;

/** The answer of {@code POST /usages}, sent once the readings are committed. */
public record IngestionResult(int received) {}
