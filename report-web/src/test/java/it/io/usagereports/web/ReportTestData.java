package it.io.usagereports.web;

import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Report definitions for tests, for tenants a {@link Sandbox} made. */
final class ReportTestData {

    static final Period MAY_2017 = new Period(LocalDate.parse("2017-05-01"), LocalDate.parse("2017-05-07"));

    private ReportTestData() {}

    static Report monthlySave(UUID tenant) {
        return Report.builder()
                .resultAction(ResultAction.SAVE)
                .parameters(ReportParameters.builder()
                        .tenantId(tenant)
                        .level(ReportLevel.ALL_CUSTOMERS)
                        .kind(ReportKind.USAGE_DAILY)
                        .build())
                .schedule(Schedule.monthly())
                .build();
    }

    static Report monthlySend(UUID tenant, UUID... recipients) {
        return Report.builder()
                .resultAction(ResultAction.SEND)
                .recipients(List.of(recipients))
                .parameters(ReportParameters.builder()
                        .tenantId(tenant)
                        .level(ReportLevel.ACCOUNTS)
                        .kind(ReportKind.USAGE_SUMMARY)
                        .build())
                .schedule(Schedule.monthly())
                .build();
    }

    static Report onceSave(UUID tenant, ReportKind kind, Period period) {
        return Report.builder()
                .resultAction(ResultAction.SAVE)
                .parameters(ReportParameters.builder()
                        .tenantId(tenant)
                        .level(ReportLevel.ITSELF)
                        .kind(kind)
                        .period(period)
                        .build())
                .schedule(Schedule.once())
                .build();
    }
}
