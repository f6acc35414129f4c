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
            return HealthCheckResponse.named("database").down()
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
