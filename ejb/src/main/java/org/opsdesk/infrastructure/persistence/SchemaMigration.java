package org.opsdesk.infrastructure.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the current version with Flyway ({@code db/migration}) before anything
 * else touches it. Runs outside JTA: Flyway commits each migration itself.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/OpsDeskDS")
    DataSource dataSource;

    public void migrate() {
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .load();
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "Database schema at version " + flyway.info().current().getVersion() + " ("
                + result.migrationsExecuted + " migrations applied now, " + result.database + ")");
        warnWithoutAutovacuum();
    }

    /**
     * PostgreSQL without autovacuum keeps no statistics of OpsDesk's tables (its plans then guess sizes and
     * selectivities), no visibility map (every index-only count reads the rows too) and never reclaims the rows that
     * the search and mail outboxes delete after each batch: say so once at start, where an operator looks.
     */
    private void warnWithoutAutovacuum() {
        try (Connection c = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
                return;
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("select current_setting('autovacuum')")) {
                if (rs.next() && "off".equalsIgnoreCase(rs.getString(1))) {
                    LOG.warning("PostgreSQL runs without autovacuum: OpsDesk's tables get no statistics and the"
                            + " rows its outboxes delete are never reclaimed, so queries slow down as the database"
                            + " grows. Turn autovacuum on (postgresql.conf), or run VACUUM (ANALYZE) on the database"
                            + " regularly; where neither can be, ?prepareThreshold=0 in OPSDESK_DB_URL has each"
                            + " statement planned for the tables as they are.");
                }
            }
        } catch (SQLException e) {
            LOG.fine(() -> "Could not read the autovacuum setting: " + e);
        }
    }
}
