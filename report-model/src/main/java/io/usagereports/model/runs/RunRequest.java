package io.usagereports.model.runs;

import io.usagereports.model.reports.Period;

/** Body of {@code POST /reports/{id}/runs}: an optional period to generate (a back-fill). */
public record RunRequest(Period period) {}
