package it.io.usagereports.web;

import static it.io.usagereports.web.ApiFailures.assertFails;
import static it.io.usagereports.web.ApiFailures.failure;
import static it.io.usagereports.web.ReportTestData.MAY_2017;
import static it.io.usagereports.web.ReportTestData.monthlySave;
import static it.io.usagereports.web.ReportTestData.monthlySend;
import static it.io.usagereports.web.ReportTestData.onceSave;
import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.client.ApiErrorException;
import io.usagereports.client.ReportsApi;
import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportPage;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ReportRevision;
import io.usagereports.model.reports.ReportUpdate;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.reports.ScheduleType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The report-definition endpoints of docs/api.md §4, called through report-client as users call them. */
class ReportsApiIT {

    private static final Sandbox SANDBOX = Sandbox.create();

    private final ReportsApi api = SANDBOX.reports;

    private static UUID newTenant() {
        return SANDBOX.newCustomer();
    }

    @Test
    void createAppliesDefaultsAndReadsBackTheSameObject() {
        UUID tenant = newTenant();

        Report created = api.createReport(monthlySave(tenant));

        assertThat(created.id()).isNotNull();
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.parameters().formats()).containsExactly(ReportFormat.CSV);
        assertThat(created.schedule().enabled()).isTrue();
        assertThat(created.parameters().hideZeroUsage()).isFalse();
        assertThat(created.parameters().showSkus()).isFalse();
        assertThat(created.recipients()).isEmpty();
        assertThat(api.getReport(created.id())).isEqualTo(created);
    }

    @Test
    void everyRuleOfANewReportIsEnforced() {
        UUID tenant = newTenant();
        Report valid = onceSave(tenant, ReportKind.USAGE_SUMMARY, MAY_2017);
        ReportParameters p = valid.parameters();
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);

        assertFails(
                () -> api.createReport(valid.toBuilder().resultAction(null).build()),
                400,
                "required_field",
                "result_action");
        assertFails(
                () -> api.createReport(
                        valid.toBuilder().resultAction(ResultAction.SEND).build()),
                400,
                "required_field",
                "recipients");
        assertFails(
                () -> api.createReport(
                        valid.toBuilder().recipients(List.of(UUID.randomUUID())).build()),
                400,
                "field_not_allowed",
                "recipients");
        assertFails(
                () -> api.createReport(onceSave(tenant, ReportKind.USAGE_DAILY, null)),
                400,
                "required_field",
                "parameters.period");
        assertFails(
                () -> api.createReport(
                        onceSave(tenant, ReportKind.USAGE_DAILY, new Period(MAY_2017.end(), MAY_2017.start()))),
                400,
                "invalid_value",
                "parameters.period.end");
        assertFails(
                () -> api.createReport(
                        onceSave(tenant, ReportKind.USAGE_DAILY, new Period(MAY_2017.start(), tomorrow))),
                400,
                "invalid_value",
                "parameters.period.end");
        assertFails(
                () -> api.createReport(onceSave(tenant, ReportKind.USAGE_DAILY, new Period(MAY_2017.start(), null))),
                400,
                "required_field",
                "parameters.period.end");
        assertFails(
                () -> api.createReport(valid.toBuilder()
                        .parameters(p.toBuilder().kind(ReportKind.USAGE_DAILY).build())
                        .schedule(Schedule.monthly())
                        .build()),
                400,
                "field_not_allowed",
                "parameters.period");
        assertFails(
                () -> api.createReport(monthlySave(tenant).toBuilder()
                        .generationDate(MAY_2017.end())
                        .build()),
                400,
                "field_not_allowed",
                "generation_date");
        assertFails(
                () -> api.createReport(valid.toBuilder()
                        .parameters(p.toBuilder()
                                .formats(List.of(ReportFormat.CSV, ReportFormat.CSV))
                                .build())
                        .build()),
                400,
                "duplicate_value",
                "parameters.formats[1]");
        assertFails(
                () -> api.createReport(valid.toBuilder()
                        .parameters(p.toBuilder().tenantId(null).build())
                        .build()),
                400,
                "required_field",
                "parameters.tenant_id");

        assertThat(api.tenantReports(tenant).items())
                .as("no rejected report was stored")
                .isEmpty();
    }

    @Test
    void aCurrentUsageReportThatRunsOnceNeedsNoPeriod() {
        Report created = api.createReport(onceSave(newTenant(), ReportKind.USAGE_CURRENT, null));

        assertThat(created.parameters().period()).isNull();
        assertThat(created.generationDate()).isNull();
    }

    @Test
    void unknownReportsAnswer404() {
        assertFails(() -> api.getReport(UUID.randomUUID()), 404, "not_found", null);
        assertFails(() -> api.revisions(UUID.randomUUID()), 404, "not_found", null);
        assertFails(() -> api.updateReport(UUID.randomUUID(), null, ReportUpdate.empty()), 404, "not_found", null);
        assertFails(() -> api.deleteReport(UUID.randomUUID(), 1), 404, "not_found", null);
    }

    @Test
    void aPartialUpdateMakesANewVersionAndKeepsWhatItLeavesOut() {
        UUID tenant = newTenant();
        UUID alice = SANDBOX.newUser(tenant);
        UUID bob = SANDBOX.newUser(tenant);
        Report created = api.createReport(monthlySend(tenant, alice));

        Report updated = api.updateReport(
                created.id(),
                1,
                ReportUpdate.builder()
                        .recipients(List.of(bob, alice))
                        .kind(ReportKind.USAGE_BREAKDOWN)
                        .showSkus(true)
                        .build());

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.recipients()).containsExactly(bob, alice);
        assertThat(updated.parameters().kind()).isEqualTo(ReportKind.USAGE_BREAKDOWN);
        assertThat(updated.parameters().showSkus()).isTrue();
        assertThat(updated.parameters().level()).isEqualTo(created.parameters().level());
        assertThat(updated.parameters().hideZeroUsage()).isFalse();
        assertThat(updated.schedule().enabled()).isTrue();

        Report unchanged = api.updateReport(created.id(), null, ReportUpdate.empty());
        assertThat(unchanged.version())
                .as("every successful PUT makes a version")
                .isEqualTo(3);
        assertThat(unchanged).isEqualTo(updated.toBuilder().version(3).build());
        assertThat(unchanged.nextRunAt())
                .as("an enabled monthly report's next run")
                .isEqualTo(YearMonth.now(ZoneOffset.UTC)
                        .plusMonths(1)
                        .atDay(1)
                        .atStartOfDay()
                        .toInstant(ZoneOffset.UTC));

        Report disabled = api.updateReport(
                created.id(), "3", ReportUpdate.builder().enabled(false).build());
        assertThat(disabled.schedule().enabled()).isFalse();
        assertThat(disabled.nextRunAt()).as("a disabled report does not run").isNull();
        assertThat(api.getReport(created.id())).isEqualTo(disabled);
    }

    @Test
    void aStaleVersionIsAConflictThatChangesNothing() {
        Report created = api.createReport(monthlySave(newTenant()));
        api.updateReport(created.id(), 1, ReportUpdate.empty());

        ApiErrorException conflict = failure(() -> api.updateReport(
                created.id(),
                1,
                ReportUpdate.builder().level(ReportLevel.ITSELF).build()));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("version_conflict");
        assertThat(conflict.context()).containsEntry("report_id", created.id().toString());
        assertThat(((Number) conflict.context().get("expected_version")).intValue())
                .isEqualTo(1);
        assertThat(((Number) conflict.context().get("actual_version")).intValue())
                .isEqualTo(2);
        Report current = api.getReport(created.id());
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.parameters().level()).isEqualTo(ReportLevel.ALL_CUSTOMERS);
    }

    @Test
    void onlyMonthlyReportsCanBeUpdatedAndABadUpdateLeavesNoTrace() {
        Report once = api.createReport(onceSave(newTenant(), ReportKind.USAGE_SUMMARY, MAY_2017));
        assertFails(() -> api.updateReport(once.id(), null, ReportUpdate.empty()), 400, "not_updatable", null);

        UUID tenant = newTenant();
        Report monthly = api.createReport(monthlySend(tenant, SANDBOX.newUser(tenant)));
        assertFails(
                () -> api.updateReport(
                        monthly.id(),
                        null,
                        ReportUpdate.builder().recipients(List.of()).build()),
                400,
                "required_field",
                "recipients");
        assertThat(api.getReport(monthly.id())).isEqualTo(monthly);
        assertThat(api.revisions(monthly.id()).items()).hasSize(1);
        assertThat(api.revisions(once.id()).items()).hasSize(1);
    }

    @Test
    void revisionsShowEveryVersionOldestFirst() {
        Report v1 = api.createReport(monthlySave(newTenant()));
        Report v2 = api.updateReport(
                v1.id(),
                1,
                ReportUpdate.builder().level(ReportLevel.DIRECT_PARTNERS).build());
        Report v3 = api.updateReport(
                v1.id(), 2, ReportUpdate.builder().hideZeroUsage(true).build());

        List<ReportRevision> revisions = api.revisions(v1.id()).items();

        assertThat(revisions).extracting(ReportRevision::version).containsExactly(1, 2, 3);
        assertThat(revisions).extracting(ReportRevision::report).containsExactly(v1, v2, v3);
        assertThat(revisions).allSatisfy(r -> {
            assertThat(r.changedAt()).isNotNull();
            assertThat(r.changedBy()).isEqualTo(SANDBOX.directory.me().id());
        });
        assertThat(revisions.get(0).changedAt())
                .isBeforeOrEqualTo(revisions.get(2).changedAt());
    }

    @Test
    void deleteNeedsTheCurrentVersionAndRemovesTheHistory() {
        Report report = api.createReport(monthlySave(newTenant()));
        api.updateReport(report.id(), 1, ReportUpdate.empty());

        assertFails(() -> api.deleteReport(report.id(), 1), 409, "version_conflict", "version");
        assertThat(api.getReport(report.id()).version()).isEqualTo(2);

        api.deleteReport(report.id(), 2);

        assertFails(() -> api.getReport(report.id()), 404, "not_found", null);
        assertFails(() -> api.revisions(report.id()), 404, "not_found", null);
        assertThat(api.tenantReports(report.parameters().tenantId()).items()).isEmpty();
    }

    @Test
    void tenantReportsListsTheIdsOfThatTenantOnly() {
        UUID tenant = newTenant();
        Report first = api.createReport(monthlySave(tenant));
        Report second = api.createReport(onceSave(tenant, ReportKind.USAGE_DAILY, MAY_2017));
        api.createReport(monthlySave(newTenant()));

        assertThat(api.tenantReports(tenant).items()).containsExactly(first.id(), second.id());
        assertThat(api.tenantReports(newTenant()).items()).isEmpty();
    }

    @Test
    void listingFiltersAndPagesWithoutRepeatsOrGaps() {
        UUID tenant = newTenant();
        List<UUID> monthly = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            monthly.add(api.createReport(monthlySave(tenant)).id());
        }
        Report once = api.createReport(onceSave(tenant, ReportKind.USAGE_SUMMARY, MAY_2017));

        List<UUID> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            ReportPage page = api.listReports(tenant, null, null, ScheduleType.MONTHLY, 2, after);
            page.items().forEach(r -> seen.add(r.id()));
            after = page.paging().cursors().after();
            pages++;
        } while (after != null);

        assertThat(seen).containsExactlyElementsOf(monthly);
        assertThat(pages).isEqualTo(3);
        assertThat(api.listReports(tenant, ReportKind.USAGE_SUMMARY, null, null, null, null)
                        .items())
                .extracting(Report::id)
                .containsExactly(once.id());
        assertThat(api.listReports(tenant, null, ResultAction.SEND, null, null, null)
                        .items())
                .isEmpty();
        assertThat(api.listReports(tenant, null, null, null, null, null).items())
                .hasSize(6);
    }

    @Test
    void listingRefusesBadParameters() {
        assertFails(() -> api.listReports(null, null, null, null, 0, null), 400, "invalid_value", "limit");
        assertFails(() -> api.listReports(null, null, null, null, 1001, null), 400, "invalid_value", "limit");
        assertFails(() -> api.listReports(null, null, null, null, null, "not-a-cursor"), 400, "invalid_value", "after");
    }
}
