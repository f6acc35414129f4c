package org.opsdesk.mail.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the shared open test corpus lives, for tests that read it. By default
 * {@code ../../shared/corpus/mail} seen from the module directory (Maven's working directory for tests);
 * the system property {@code opsdesk.corpus.dir} names another corpus root (the folder holding {@code mail/}),
 * or a folder of messages itself. Tests skip, with a clear message, when there is no corpus.
 */
public final class TestCorpus {

    public static final String PROPERTY = "opsdesk.corpus.dir";

    private TestCorpus() {
    }

    /** The corpus mail folder; the calling test is skipped (assumption) when it is missing. */
    public static Path mailDir() {
        String configured = System.getProperty(PROPERTY);
        Path root = configured == null || configured.isBlank() ? Path.of("..", "..", "shared", "corpus", "mail")
                : Path.of(configured);
        Path dir = Files.isDirectory(root.resolve("mail")) ? root.resolve("mail") : root;
        assumeTrue(Files.isDirectory(dir), () -> "../shared/corpus not present: corpus tests skipped (looked in "
                + dir.toAbsolutePath().normalize() + "; set -D" + PROPERTY + " to use another corpus)");
        return dir;
    }

    /**
     * One message of the corpus, by its path under the mail folder; skipped (assumption) when the corpus is missing,
     * a failure when the corpus is there without it (a renamed sample must not turn its test into a skip).
     */
    public static Path message(String relativePath) {
        Path file = mailDir().resolve(relativePath);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("corpus message " + relativePath + " not found in " + mailDir());
        }
        return file;
    }

    /**
     * Every message file under the folder, sorted: all regular files except the licence, notice and readme
     * files, checksum lists and dot files. Messages may have any extension or none ({@code .eml}, {@code .txt},
     * {@code 001}).
     */
    public static List<Path> messages(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(TestCorpus::isMessage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isMessage(Path file) {
        String name = file.getFileName().toString();
        return !(name.startsWith("LICENSE") || name.startsWith("NOTICE") || name.startsWith("README")
                || name.equals("SHA256SUMS") || name.startsWith("."));
    }
}
