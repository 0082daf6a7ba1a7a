package it.io.usagereports.web;

import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.reports.ScheduleType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Report definitions for tests, for tenants a {@link Sandbox} made. */
final class ReportTestData {

    static final Period MAY_2017 = new Period(LocalDate.parse("2017-05-01"), LocalDate.parse("2017-05-07"));

    private ReportTestData() {
    }

    static Report monthlySave(UUID tenant) {
        return new Report(null, null, ResultAction.SAVE, null,
                new ReportParameters(tenant, ReportLevel.ALL_CUSTOMERS, ReportKind.USAGE_DAILY, null, null, null, null),
                new Schedule(ScheduleType.MONTHLY, null), null);
    }

    static Report monthlySend(UUID tenant, UUID... recipients) {
        return new Report(null, null, ResultAction.SEND, List.of(recipients),
                new ReportParameters(tenant, ReportLevel.ACCOUNTS, ReportKind.USAGE_SUMMARY, null, null, null, null),
                new Schedule(ScheduleType.MONTHLY, null), null);
    }

    static Report onceSave(UUID tenant, ReportKind kind, Period period) {
        return new Report(null, null, ResultAction.SAVE, null,
                new ReportParameters(tenant, ReportLevel.ITSELF, kind, null, period, null, null),
                new Schedule(ScheduleType.ONCE, null), null);
    }
}
