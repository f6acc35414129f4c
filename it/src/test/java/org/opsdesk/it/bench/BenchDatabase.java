package org.opsdesk.it.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The PostgreSQL database of the server under benchmark, when it runs on one ({@code OPSDESK_DB_URL}). */
final class BenchDatabase {

    private BenchDatabase() {
    }

    static boolean isPostgres() {
        String url = System.getenv("OPSDESK_DB_URL");
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    /** A connection to it, with the server's credentials. */
    static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getenv("OPSDESK_DB_URL"),
                System.getenv().getOrDefault("OPSDESK_DB_USER", "postgres"),
                System.getenv().getOrDefault("OPSDESK_DB_PASSWORD", "postgres"));
    }
}
