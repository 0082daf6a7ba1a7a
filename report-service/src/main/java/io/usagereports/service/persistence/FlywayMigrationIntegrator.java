package io.usagereports.service.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;

/**
 * Brings the schema up to date with the Flyway migrations while Hibernate builds its session
 * factory: integrators run before Hibernate validates the schema, so the container-managed
 * persistence unit never sees a stale schema, however the container orders its start-up.
 * Several servers starting at once are safe: Flyway serializes them with a database lock.
 */
public class FlywayMigrationIntegrator implements Integrator {

    /** Persistence-unit property naming the non-transactional data source Flyway uses. */
    static final String MIGRATION_DATA_SOURCE = "usagereports.migration.datasource";

    private static final Logger LOG = Logger.getLogger(FlywayMigrationIntegrator.class.getName());

    @Override
    public void integrate(
            Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        Object jndiName = sessionFactory.getProperties().get(MIGRATION_DATA_SOURCE);
        if (jndiName == null) {
            return; // a persistence unit that does not own the schema
        }
        DataSource dataSource = lookup(jndiName.toString());
        MigrateResult result = Flyway.configure(FlywayMigrationIntegrator.class.getClassLoader())
                .dataSource(dataSource)
                // Liberty (like WebSphere) finds a classpath folder only through a file in it:
                // hence the empty flyway.location in each folder and in db/callback, which
                // Flyway always scans for callbacks. db/migration holds what runs on every
                // database; db/vendor/{vendor} (h2, postgresql) what only that one can do.
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor(dataSource))
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }

    /** The folder of migrations only this database runs. */
    private static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return Databases.isPostgres(connection) ? "postgresql" : "h2";
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached for the schema migrations", e);
        }
    }

    private static DataSource lookup(String jndiName) {
        try {
            return (DataSource) new InitialContext().lookup(jndiName);
        } catch (NamingException e) {
            throw new IllegalStateException("No data source " + jndiName + " for the schema migrations", e);
        }
    }

    @Override
    public void disintegrate(
            SessionFactoryImplementor sessionFactory,
            org.hibernate.service.spi.SessionFactoryServiceRegistry serviceRegistry) {
        // nothing to release
    }
}
