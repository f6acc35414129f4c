package org.opsdesk.infrastructure.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readiness check against a real H2 database, there and away (SmallRye Health builds the answers). */
class DatabaseHealthCheckTest {

    @TempDir
    Path dir;

    private static DatabaseHealthCheck checkOf(String url) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        DatabaseHealthCheck check = new DatabaseHealthCheck();
        check.dataSource = h2;
        return check;
    }

    @Test
    void upWhileTheDatabaseAnswers() {
        HealthCheckResponse r = checkOf("jdbc:h2:mem:health-up;DB_CLOSE_DELAY=-1").call();
        assertThat(r.getName()).isEqualTo("database");
        assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(r.getData()).hasValueSatisfying(d -> assertThat(d).containsEntry("product", "H2"));
    }

    @Test
    void downWhenItDoesNotAndTheAnswerNamesNothingOfIt() {
        // a database file that is not there, which H2 is told not to create: the connection fails
        String url = "jdbc:h2:file:" + dir.resolve("secret-host-and-db") + ";IFEXISTS=TRUE";
        HealthCheckResponse r = checkOf(url).call();
        assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(r.getData()).hasValueSatisfying(d -> {
            assertThat(d.get("error").toString()).startsWith("the database is not reachable").endsWith("see the server log");
            assertThat(d.values().toString()).doesNotContain("secret-host-and-db");
        });
    }
}
