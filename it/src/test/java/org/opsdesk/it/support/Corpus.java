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

    /** The 283 real Prometheus alerting rules (PrometheusRule YAML of kube-prometheus and OpenShift). */
    public static final Path ALERTS = MAIL.resolveSibling("alerts");

    private Corpus() {
    }

    public static boolean hasRunbooks() {
        return Files.isDirectory(RUNBOOKS);
    }

    public static boolean hasAlerts() {
        return Files.isDirectory(ALERTS);
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

    /** One alerting rule: its name, {@code severity} label, and {@code summary} and {@code description} templates. */
    public record AlertRule(String name, String severity, String summary, String description) {
    }

    /**
     * Every alerting rule of the corpus' rule files, in a stable order. Read line by line (the files are
     * PrometheusRule manifests in one layout): {@code - alert:} starts a rule; its {@code summary:},
     * {@code description:} (also as a {@code |} or {@code >} block) and {@code severity:} lines fill it.
     */
    public static List<AlertRule> alertRules() throws IOException {
        List<AlertRule> rules = new java.util.ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ALERTS)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            String name = null;
            java.util.Map<String, String> values = new java.util.HashMap<>();
            for (int i = 0; i <= lines.size(); i++) {
                String line = i < lines.size() ? lines.get(i) : "- alert: end";
                String trimmed = line.strip();
                if (trimmed.startsWith("- alert:") || trimmed.startsWith("- record:")) {
                    if (name != null) {
                        rules.add(new AlertRule(name, values.getOrDefault("severity", "warning"),
                                values.getOrDefault("summary", name), values.getOrDefault("description", "")));
                    }
                    name = trimmed.startsWith("- alert:") ? trimmed.substring(8).strip() : null;
                    values.clear();
                    continue;
                }
                for (String key : List.of("summary", "description", "severity")) {
                    if (name != null && trimmed.startsWith(key + ":") && !values.containsKey(key)) {
                        String value = trimmed.substring(key.length() + 1).strip();
                        if (value.startsWith("|") || value.startsWith(">")) { // a block: the deeper lines after it
                            int indent = line.indexOf(key);
                            StringBuilder block = new StringBuilder();
                            while (i + 1 < lines.size() && (lines.get(i + 1).isBlank()
                                    || lines.get(i + 1).length() - lines.get(i + 1).stripLeading().length() > indent)) {
                                block.append(' ').append(lines.get(++i).strip());
                            }
                            value = block.toString().strip();
                        }
                        if (value.length() > 1 && (value.startsWith("'") || value.startsWith("\""))) {
                            value = value.substring(1, value.length() - 1);
                        }
                        values.put(key, value);
                    }
                }
            }
        }
        return rules;
    }
}
