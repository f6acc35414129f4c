package org.opsdesk.it.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints {@code drill NAME: passed|failed} with the figures the drill recorded, on stdout and appended to
 * {@code target/drills/drills.txt}; a drill that could not run here (no PostgreSQL, not root) prints {@code skipped}
 * with the reason, so that it does not vanish from the list. NAME is the test's display name; a repetition shows as
 * {@code (2 of 3)}.
 */
public class DrillReport implements BeforeEachCallback, TestWatcher {

    private static final Map<String, Object> FIGURES = new LinkedHashMap<>();

    /** Records a figure of the running drill (shown in its line). */
    public static synchronized void figure(String name, Object value) {
        FIGURES.put(name, value);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (DrillReport.class) {
            FIGURES.clear();
        }
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        report(context, "passed", null);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        report(context, "failed", cause);
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        report(context, "skipped", cause);
    }

    private static synchronized void report(ExtensionContext context, String outcome, Throwable cause) {
        String name = context.getParent().map(ExtensionContext::getDisplayName)
                .filter(n -> context.getDisplayName().startsWith("repetition")).map(n -> n + " ("
                        + context.getDisplayName().replace("repetition ", "") + ")")
                .orElse(context.getDisplayName());
        StringBuilder line = new StringBuilder("drill ").append(name).append(": ").append(outcome);
        FIGURES.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        Optional.ofNullable(cause).ifPresent(c -> line.append(outcome.equals("skipped") ? " reason=" : " cause=").append(String.valueOf(c.getMessage())
                .lines().findFirst().orElse(c.getClass().getSimpleName())));
        System.out.println(line);
        try {
            Path file = Path.of("target", "drills", "drills.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
