package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.model.directory.Tenant;
import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.runs.ReportRun;
import io.usagereports.model.runs.RunStatus;
import io.usagereports.model.runs.RunTrigger;
import io.usagereports.service.directory.TenantService;
import io.usagereports.service.directory.UserService;
import io.usagereports.service.reports.ReportService;
import io.usagereports.service.runs.RunService;
import io.usagereports.service.security.Actor;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Catch-up after downtime, with the server's own pollers: a daily report whose next run was due
 * 40 days ago (no server was up since) runs once for each missed day of the last 35, none
 * older, and its next run moves to tomorrow.
 */
@ExtendWith(ArquillianExtension.class)
class ScheduleCatchUpIT {

    @Deployment
    static WebArchive deployment() {
        return InServer.deployment("schedule-catch-up-it", ScheduleCatchUpIT.class);
    }

    @Inject
    ReportService reports;

    @Inject
    RunService runs;

    @Inject
    TenantService tenants;

    @Inject
    UserService users;

    @Resource(lookup = "jdbc/reports")
    DataSource dataSource;

    @Test
    void eachMissedDayOfTheLast35RunsOnceOldestFirstAndNoneOlder() throws Exception {
        Actor admin = users.authenticate("admin", System.getenv("REPORTS_ADMIN_PASSWORD"))
                .orElseThrow();
        UUID root = admin.grants().get(0).tenantId();
        Tenant partner = tenants.create(admin, Tenant.partner("catch-up partner", root));
        Report report = reports.create(
                admin,
                Report.builder()
                        .resultAction(ResultAction.SAVE)
                        .parameters(ReportParameters.builder()
                                .tenantId(partner.id())
                                .level(ReportLevel.ITSELF)
                                .kind(ReportKind.USAGE_SUMMARY)
                                .build())
                        .schedule(Schedule.daily())
                        .build());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        // As if no server had been up for 40 days: the next run was due then.
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE report SET next_run_at = ? WHERE id = ?")) {
            s.setObject(1, today.minusDays(40).atStartOfDay().atOffset(ZoneOffset.UTC));
            s.setObject(2, report.id());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        long deadline = System.nanoTime() + 90_000_000_000L;
        List<ReportRun> found = runs.runs(admin, report.id());
        while ((found.size() < 35 || found.stream().anyMatch(r -> r.status() != RunStatus.SAVED))
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
            found = runs.runs(admin, report.id());
        }
        assertThat(found).hasSize(35).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.SAVED);
            assertThat(r.trigger()).isEqualTo(RunTrigger.SCHEDULED);
        });
        List<ReportRun> byDue =
                found.stream().sorted(Comparator.comparing(ReportRun::dueAt)).toList();
        for (int i = 0; i < 35; i++) {
            LocalDate day = today.minusDays(35 - i);
            assertThat(byDue.get(i).period()).isEqualTo(new Period(day, day));
            assertThat(byDue.get(i).dueAt())
                    .isEqualTo(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        assertThat(reports.get(admin, report.id()).nextRunAt())
                .isEqualTo(today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        Thread.sleep(2500);
        assertThat(runs.runs(admin, report.id()))
                .as("a later poll adds nothing")
                .hasSize(35);
        reports.delete(admin, report.id(), 1);
    }
}
