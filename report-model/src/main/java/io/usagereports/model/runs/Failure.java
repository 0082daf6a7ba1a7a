package io.usagereports.model.runs;

/** Why a run or a delivery failed, typed by {@code code} (stable) and explained by {@code message}. */
public record Failure(String code, String message) {}
