package io.usagereports.model.reports;

import java.time.LocalDate;

/** An inclusive range of UTC calendar days. */
public record Period(LocalDate start, LocalDate end) {}
