package org.opsdesk.it.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A WildFly of its own for a fault drill, outside Arquillian so that the drill can kill it with SIGKILL and start
 * it again: the provisioned server ({@code ear/target/server}) with a separate base directory, data directory and
 * port offset, the EAR in its deployment directory, and the database given by the caller.
 */
public final class ServerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path serverHome = Path.of(System.getProperty("opsdesk.server.dir", "../ear/target/server"));
    private final Path ear = Path.of(System.getProperty("opsdesk.ear.file", "../ear/target/opsdesk.ear"));
    private final Path base;
    private final Path data;
    private final int offset;
    private final Map<String, String> env;
    private final List<String> properties;
    private Process process;
    private int starts;

    /**
     * @param name   names the directories under {@code target/drills}
     * @param offset the port offset (HTTP on 8080 + offset)
     * @param env    environment, e.g. the {@code OPSDESK_DB_*} variables
     * @param properties further {@code -D} options (the SMTP port of a drill's GreenMail)
     */
    public ServerProcess(String name, int offset, Map<String, String> env, List<String> properties) {
        Path root = Path.of("target", "drills", name).toAbsolutePath();
        this.base = root.resolve("standalone");
        this.data = root.resolve("data");
        this.offset = offset;
        this.env = env;
        this.properties = properties;
        deleteTree(root);
        copyTree(serverHome.resolve("standalone/configuration"), base.resolve("configuration"));
        try {
            Files.createDirectories(base.resolve("deployments"));
            Files.createDirectories(data);
            Files.copy(ear, base.resolve("deployments/opsdesk.ear"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + (8080 + offset);
    }

    public Path dataDir() {
        return data;
    }

    public Path log() {
        return base.resolve("log/server.log");
    }

    /** Starts the server and waits until it answers {@code /health} with UP (at most 3 minutes). */
    public Duration start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        long t0 = System.nanoTime();
        List<String> cmd = new ArrayList<>(List.of(serverHome.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset,
                "-Dopsdesk.data.dir=" + data, "-Dopsdesk.admin.password=" + Api.ADMIN_PASSWORD,
                "-Dopsdesk.password.iterations=10000"));
        cmd.addAll(properties);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("console-" + (++starts) + ".log")
                        .toFile()));
        pb.environment().putAll(env);
        pb.environment().put("JAVA_OPTS", "-Xms256m -Xmx1g -Djava.net.preferIPv4Stack=true"
                + " -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true");
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process started = process;
        await("the drill server UP (see " + log() + ")").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    if (!started.isAlive()) {
                        throw new IllegalStateException("the drill server exited with " + started.exitValue()
                                + "; see " + base.resolve("console-" + starts + ".log"));
                    }
                    return health() == 200;
                });
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** The status of {@code GET /health}, or -1 when nothing answers. */
    public int health() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/health")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGKILL to the JVM (and the start script): no shutdown hook, no graceful undeploy. */
    public void kill() {
        end(true);
    }

    /** SIGTERM to the JVM: WildFly shuts down gracefully. */
    public void stop() {
        end(false);
    }

    private void end(boolean hard) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        for (ProcessHandle h : all) {
            if (hard) {
                h.destroyForcibly();
            } else {
                h.destroy();
            }
        }
        for (ProcessHandle h : all) {
            h.onExit().join();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
