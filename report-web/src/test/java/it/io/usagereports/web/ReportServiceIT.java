package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usagereports.model.directory.Contact;
import io.usagereports.model.directory.Tenant;
import io.usagereports.model.directory.User;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportRevision;
import io.usagereports.model.reports.ReportUpdate;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.directory.TenantService;
import io.usagereports.service.directory.UserService;
import io.usagereports.service.reports.ReportService;
import io.usagereports.service.security.Actor;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The report service inside Liberty, with its real transactions, Hibernate and database:
 * deployed by Arquillian as the application's own WAR plus this test.
 */
@ExtendWith(ArquillianExtension.class)
class ReportServiceIT {

    @Deployment
    static WebArchive deployment() {
        return InServer.deployment("report-service-it", ReportServiceIT.class, ReportTestData.class);
    }

    @Inject
    ReportService reports;

    @Inject
    TenantService tenants;

    @Inject
    UserService users;

    /** The bootstrap administrator, as the server's environment configured it. */
    private Actor admin() {
        return users.authenticate("admin", System.getenv("REPORTS_ADMIN_PASSWORD"))
                .orElseThrow();
    }

    /** A new customer under a new partner under the root. */
    private UUID newCustomer(Actor admin) {
        UUID root = admin.grants().get(0).tenantId();
        Tenant partner = tenants.create(admin, Tenant.partner("partner", root));
        return tenants.create(admin, Tenant.customer("customer", partner.id())).id();
    }

    @Resource(lookup = "jdbc/reports")
    DataSource dataSource;

    @Test
    void theSchemaIsOwnedByTheFlywayMigrations() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT \"version\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" = '1'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBoolean(2)).isTrue();
        }
    }

    @Test
    void aReportAndItsFirstRevisionAreStoredTogether() {
        Actor admin = admin();
        Report created = reports.create(admin, ReportTestData.monthlySave(newCustomer(admin)));

        List<ReportRevision> history = reports.revisions(admin, created.id());

        assertThat(history).hasSize(1);
        assertThat(history.get(0).version()).isEqualTo(1);
        assertThat(history.get(0).report()).isEqualTo(created);
        assertThat(history.get(0).changedBy()).isEqualTo(admin.userId());
        assertThat(reports.get(admin, created.id())).isEqualTo(created);
    }

    @Test
    void aRefusedUpdateRollsBackAndLeavesNoVersionBehind() {
        Actor admin = admin();
        UUID customer = newCustomer(admin);
        UUID recipient = users.create(
                        admin,
                        User.of(
                                customer,
                                "u" + UUID.randomUUID().toString().substring(0, 8),
                                Contact.ofEmail("someone@example.com")))
                .id();
        Report created = reports.create(admin, ReportTestData.monthlySend(customer, recipient));

        assertThatThrownBy(() -> reports.update(
                        admin,
                        created.id(),
                        1,
                        ReportUpdate.builder()
                                .recipients(List.of())
                                .level(ReportLevel.ITSELF)
                                .build()))
                .isInstanceOf(ServiceException.class)
                .hasFieldOrPropertyWithValue("code", "required_field");

        assertThat(reports.get(admin, created.id())).isEqualTo(created);
        assertThat(reports.revisions(admin, created.id())).hasSize(1);
    }

    @Test
    void aDeleteRemovesTheReportWithItsWholeHistory() {
        Actor admin = admin();
        Report created = reports.create(admin, ReportTestData.monthlySave(newCustomer(admin)));
        reports.update(admin, created.id(), null, ReportUpdate.empty());

        reports.delete(admin, created.id(), 2);

        assertThatThrownBy(() -> reports.get(admin, created.id()))
                .isInstanceOf(ServiceException.class)
                .hasFieldOrPropertyWithValue("kind", ServiceException.Kind.NOT_FOUND);
        assertThat(reports.idsOfTenant(admin, created.parameters().tenantId())).isEmpty();
    }
}
