package io.usagereports.service.runs;

import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.service.generation.ReportSpec;
import io.usagereports.service.reports.ReportRules;
import java.time.LocalDate;
import java.util.List;

/** Everything an attempt needs to generate a run: the run, its report's definition, its outputs. */
public record RunJob(RunRow run, Report report, String subjectPath, List<StoredReportRow> outputs) {

    /**
     * The date whose end a {@code usage_current} run reports: the day before the run was due, in
     * the report's time zone, so that a retried run gives the same content.
     */
    static LocalDate valueDate(Report report, RunRow run) {
        return LocalDate.ofInstant(run.dueAt(), ReportRules.effectiveZone(report)).minusDays(1);
    }

    /** The dates whose end-of-day values the run reports. */
    LocalDate[] dates() {
        return spec("").dates();
    }

    /** The content parameters, with the subject's name as of the period. */
    ReportSpec spec(String subjectName) {
        var params = report.parameters();
        boolean current = params.kind() == ReportKind.USAGE_CURRENT;
        LocalDate start = current ? valueDate(report, run) : run.periodStart();
        LocalDate end = current ? valueDate(report, run) : run.periodEnd();
        return new ReportSpec(params.tenantId(), subjectName, params.kind(), params.level(), start, end,
                Boolean.TRUE.equals(params.hideZeroUsage()), Boolean.TRUE.equals(params.showSkus()), run.dueAt(),
                ReportRules.effectiveZone(report));
    }
}
