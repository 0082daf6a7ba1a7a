package io.usagereports.service.runs;

import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.service.generation.GenerationJob;
import io.usagereports.service.reports.ReportRules;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Everything an attempt needs to generate a run: the run, its report's definition, its outputs. */
public record RunJob(RunRow run, Report report, List<StoredReportRow> outputs) {

    /**
     * The date whose end a {@code usage_current} run reports: the day before the run was due, in
     * the report's time zone, so that a retried run gives the same content.
     */
    static LocalDate valueDate(Report report, RunRow run) {
        return LocalDate.ofInstant(run.dueAt(), ReportRules.effectiveZone(report))
                .minusDays(1);
    }

    /** The report's kind by its wire name, as metrics name it. */
    String kindName() {
        return report.parameters() == null || report.parameters().kind() == null
                ? "unknown"
                : report.parameters().kind().wire();
    }

    /** What the attempt generates: the definition's content parameters resolved for the run's period. */
    GenerationJob generation(int attempt) {
        var params = report.parameters();
        boolean current = params.kind() == ReportKind.USAGE_CURRENT;
        LocalDate start = current ? valueDate(report, run) : run.periodStart();
        LocalDate end = current ? valueDate(report, run) : run.periodEnd();
        ZoneId zone = ReportRules.effectiveZone(report);
        return new GenerationJob(
                run.id(),
                attempt,
                params.tenantId(),
                params.kind(),
                params.level(),
                start,
                end,
                Boolean.TRUE.equals(params.hideZeroUsage()),
                Boolean.TRUE.equals(params.showSkus()),
                run.dueAt(),
                zone);
    }
}
