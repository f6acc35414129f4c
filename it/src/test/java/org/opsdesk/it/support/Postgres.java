package org.opsdesk.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The machine's PostgreSQL (127.0.0.1:5432, user postgres, trust auth, as {@code .ci/run} uses it), for drills
 * that give their own server a fresh database and then check what it stored.
 */
public final class Postgres {

    public static final String HOST = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private Postgres() {
    }

    public static boolean available() {
        try (Connection c = connect("postgres")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(HOST + database, USER, PASSWORD);
    }

    /** A new empty database; answers the environment that points a server at it. */
    public static Map<String, String> freshDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
        return Map.of("OPSDESK_DB_URL", HOST + name, "OPSDESK_DB_USER", USER, "OPSDESK_DB_PASSWORD", PASSWORD,
                "OPSDESK_DB_DRIVER", "postgresql");
    }

    public static void drop(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** Whether this process may stop and start the local cluster (root, with Debian's pg_ctlcluster). */
    public static boolean controllable() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(
                Path.of("/usr/bin/pg_ctlcluster")) && cluster() != null;
    }

    /** Stops the local cluster at once (fast shutdown: open connections are cut). */
    public static void stopServer() {
        ctl("stop", "-m", "fast");
    }

    public static void startServer() {
        ctl("start");
    }

    private static String cluster() {
        String[] versions = new File("/etc/postgresql").list();
        return versions == null || versions.length == 0 ? null : versions[0];
    }

    private static void ctl(String... action) {
        List<String> cmd = new ArrayList<>(List.of("pg_ctlcluster",
                "--skip-systemctl-redirect", cluster(), "main"));
        cmd.addAll(List.of(action));
        try {
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " exited with " + p.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
