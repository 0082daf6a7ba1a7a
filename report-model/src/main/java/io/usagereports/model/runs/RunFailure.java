package io.usagereports.model.runs;

/** Why a run failed, typed by {@code code} (stable) and explained by {@code message}. */
public record RunFailure(String code, String message) {
}
