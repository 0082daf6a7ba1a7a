package io.usagereports.service.generation;

import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * What to generate: a report definition's content parameters resolved for one period, and the key
 * of the work (a run and its attempt) under which the generation keeps its scratch rows.
 *
 * @param workId      the run the work belongs to; with {@code attempt}, the key of its scratch rows
 * @param attempt     the attempt of that run: only this attempt's rows are read, written or deleted
 * @param periodStart first day reported (for {@code usage_current}: the value date)
 * @param periodEnd   last day reported (for {@code usage_current}: the value date)
 * @param generatedAt when the run was due: "now" of the report, the same for every retry
 * @param zone        where the report's days begin and end
 */
public record GenerationJob(
        UUID workId,
        int attempt,
        UUID subjectId,
        ReportKind kind,
        ReportLevel level,
        LocalDate periodStart,
        LocalDate periodEnd,
        boolean hideZeroUsage,
        boolean showSkus,
        Instant generatedAt,
        ZoneId zone) {}
