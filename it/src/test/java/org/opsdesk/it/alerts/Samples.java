package org.opsdesk.it.alerts;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** The captured monitoring notifications beside the repository ({@code ../shared/formats}), where they exist. */
final class Samples {

    static final Path FORMATS = Path.of(System.getProperty("opsdesk.formats.dir", "../../shared/formats"));

    private Samples() {
    }

    static boolean present() {
        return Files.isDirectory(FORMATS.resolve("alertmanager")) && Files.isDirectory(FORMATS.resolve("nagios"));
    }

    static String missing() {
        return "the monitoring samples are not at " + FORMATS.toAbsolutePath().normalize()
                + " (set -Dopsdesk.formats.dir): sample tests skipped";
    }

    /** The files of {@code folder} ending in {@code suffix}, sorted by name. */
    static List<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(FORMATS.resolve(folder))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body of a captured {@code .http} request (after the blank line). */
    static String httpBody(Path p) {
        String s = read(p);
        int i = s.indexOf("\r\n\r\n");
        return i >= 0 ? s.substring(i + 4) : s.substring(s.indexOf("\n\n") + 2);
    }

    static JsonObject json(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }

    /** An application/x-www-form-urlencoded body as the first value of each field. */
    static Map<String, String> form(String body) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : body.strip().split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.putIfAbsent(k, v);
        }
        return m;
    }
}
