package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportRevision;
import io.usagereports.model.reports.ReportUpdate;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.reports.ReportService;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
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
    static WebArchive deployment() throws URISyntaxException {
        File assertj = new File(Assertions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // A name of its own: the application itself is deployed as report-web already.
        return ShrinkWrap.create(WebArchive.class, "report-service-it.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/report-web.war")))
                .addClasses(ReportServiceIT.class, ReportTestData.class)
                .addAsLibrary(assertj);
    }

    @Inject
    ReportService reports;

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
        Report created = reports.create(ReportTestData.monthlySave(UUID.randomUUID()));

        List<ReportRevision> history = reports.revisions(created.id());

        assertThat(history).hasSize(1);
        assertThat(history.get(0).version()).isEqualTo(1);
        assertThat(history.get(0).report()).isEqualTo(created);
        assertThat(reports.get(created.id())).isEqualTo(created);
    }

    @Test
    void aRefusedUpdateRollsBackAndLeavesNoVersionBehind() {
        Report created = reports.create(ReportTestData.monthlySend(UUID.randomUUID(), UUID.randomUUID()));

        assertThatThrownBy(() -> reports.update(created.id(), 1, new ReportUpdate(List.of(),
                new ReportUpdate.Parameters(ReportLevel.ITSELF, null, null, null), null)))
                .isInstanceOf(ServiceException.class)
                .hasFieldOrPropertyWithValue("code", "required_field");

        assertThat(reports.get(created.id())).isEqualTo(created);
        assertThat(reports.revisions(created.id())).hasSize(1);
    }

    @Test
    void aDeleteRemovesTheReportWithItsWholeHistory() {
        Report created = reports.create(ReportTestData.monthlySave(UUID.randomUUID()));
        reports.update(created.id(), null, new ReportUpdate(null, null, null));

        reports.delete(created.id(), 2);

        assertThatThrownBy(() -> reports.get(created.id())).isInstanceOf(ServiceException.class)
                .hasFieldOrPropertyWithValue("kind", ServiceException.Kind.NOT_FOUND);
        assertThat(reports.idsOfTenant(created.parameters().tenantId())).isEmpty();
    }
}
