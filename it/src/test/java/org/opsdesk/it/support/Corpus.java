package org.opsdesk.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared test corpus beside the repository ({@code ../shared/corpus}), where it exists. */
public final class Corpus {

    public static final Path MAIL = Path.of(System.getProperty("opsdesk.corpus.dir", "../../shared/corpus/mail"));

    /** The 394 real Markdown runbooks. */
    public static final Path RUNBOOKS = MAIL.resolveSibling("runbooks");

    private Corpus() {
    }

    public static boolean hasRunbooks() {
        return Files.isDirectory(RUNBOOKS);
    }

    public static boolean hasMail() {
        return Files.isDirectory(MAIL);
    }

    /** Every message file (licence and readme files left out), in a stable order. */
    public static List<Path> mails() throws IOException {
        try (Stream<Path> files = Files.walk(MAIL)) {
            return files.filter(Files::isRegularFile).filter(Corpus::isMail).sorted().toList();
        }
    }

    static boolean isMail(Path p) {
        String name = p.getFileName().toString();
        return !name.startsWith("LICENSE") && !name.startsWith("NOTICE") && !name.startsWith("README")
                && !name.startsWith(".") && !name.equals("SHA256SUMS");
    }

    /** The runbooks folder as a zip, paths relative to it, bytes as they are (what an import receives). */
    public static byte[] runbooksZip() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out);
                Stream<Path> walk = Files.walk(RUNBOOKS)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new java.util.zip.ZipEntry(RUNBOOKS.relativize(p).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(p));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
