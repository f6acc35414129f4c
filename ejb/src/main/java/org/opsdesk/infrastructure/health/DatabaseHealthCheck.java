package org.opsdesk.infrastructure.health;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    @Resource(lookup = "java:jboss/datasources/OpsDeskDS")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            boolean valid = c.isValid(2);
            return HealthCheckResponse.named("database")
                    .status(valid)
                    .withData("product", c.getMetaData().getDatabaseProductName())
                    .withData("millis", (System.nanoTime() - start) / 1_000_000)
                    .build();
        } catch (SQLException | RuntimeException e) {
            // anyone may ask /health: the driver's message (host, port, database, user) goes to the log only
            java.util.logging.Logger.getLogger(DatabaseHealthCheck.class.getName()).log(java.util.logging.Level.WARNING,
                    "Health check: the database is not reachable", e);
            String state = e instanceof SQLException sql && sql.getSQLState() != null ? " (SQLState "
                    + sql.getSQLState() + ")" : "";
            return HealthCheckResponse.named("database").down()
                    .withData("error", "the database is not reachable" + state + "; see the server log")
                    .build();
        }
    }
}
