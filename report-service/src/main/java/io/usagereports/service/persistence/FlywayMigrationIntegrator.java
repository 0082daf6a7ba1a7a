package io.usagereports.service.persistence;

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
        MigrateResult result = Flyway.configure(FlywayMigrationIntegrator.class.getClassLoader())
                .dataSource(lookup(jndiName.toString()))
                // Liberty (like WebSphere) finds a classpath folder only through a file in it:
                // hence the empty flyway.location in db/migration and in db/callback, which
                // Flyway always scans for callbacks.
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
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
