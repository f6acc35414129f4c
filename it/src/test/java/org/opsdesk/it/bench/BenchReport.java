package org.opsdesk.it.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Collects the figures of every benchmark into {@code target/bench}: each figure is appended to
 * {@code figures.jsonl} (so an H2 run and a PostgreSQL run add up), and {@code report.md}, {@code report.json} and
 * {@code latency.svg} (p50/p95/p99 per latency figure) are written anew from all of them.
 */
final class BenchReport {

    static final Path DIR = Path.of("target", "bench");

    private BenchReport() {
    }

    /** The database the server under test uses, as the figures name it. */
    static String db() {
        return BenchDatabase.isPostgres() ? "PostgreSQL" : "H2";
    }

    /** A rate or a duration: one value. */
    static void value(String bench, String figure, double value, String unit) {
        add(base(bench, figure, unit).add("value", round(value)));
    }

    /** Request latencies: median, p95, p99 and max in milliseconds, and the count. */
    static void latency(String bench, String figure, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        add(base(bench, figure, "ms").add("value", round(pct(sorted, 0.5))).add("p50", round(pct(sorted, 0.5)))
                .add("p95", round(pct(sorted, 0.95))).add("p99", round(pct(sorted, 0.99)))
                .add("max", round(sorted.get(sorted.size() - 1) / 1e6)).add("count", sorted.size()));
    }

    /** The nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static JsonObjectBuilder base(String bench, String figure, String unit) {
        return Json.createObjectBuilder().add("bench", bench).add("figure", figure).add("db", db()).add("unit", unit)
                .add("at", Instant.now().toString());
    }

    private static synchronized void add(JsonObjectBuilder figure) {
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve("figures.jsonl"), figure.build() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            write(read());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonObject> read() throws IOException {
        List<JsonObject> all = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("figures.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                all.add(Json.createReader(new StringReader(line)).readObject());
            }
        }
        // a figure measured again replaces the earlier one
        Map<String, JsonObject> latest = new LinkedHashMap<>();
        for (JsonObject f : all) {
            latest.put(f.getString("bench") + "|" + f.getString("figure") + "|" + f.getString("db"), f);
        }
        return new ArrayList<>(latest.values());
    }

    private static void write(List<JsonObject> figures) throws IOException {
        Map<String, String> machine = machine();
        JsonObjectBuilder m = Json.createObjectBuilder();
        machine.forEach(m::add);
        JsonArrayBuilder fs = Json.createArrayBuilder();
        figures.forEach(fs::add);
        Files.writeString(DIR.resolve("report.json"), Json.createObjectBuilder().add("machine", m).add("figures", fs)
                .build().toString(), StandardCharsets.UTF_8);

        StringBuilder md = new StringBuilder("# OpsDesk benchmark report\n\n");
        machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n| benchmark | figure | database | value | p50 | p95 | p99 | n |\n|---|---|---|---|---|---|---|---|\n");
        for (JsonObject f : figures) {
            boolean lat = f.containsKey("p95");
            md.append("| ").append(f.getString("bench")).append(" | ").append(f.getString("figure")).append(" | ")
                    .append(f.getString("db")).append(" | ").append(num(f, "value")).append(' ')
                    .append(f.getString("unit")).append(" | ").append(lat ? num(f, "p50") : "").append(" | ")
                    .append(lat ? num(f, "p95") : "").append(" | ").append(lat ? num(f, "p99") : "").append(" | ")
                    .append(lat ? String.valueOf(f.getInt("count")) : "").append(" |\n");
        }
        md.append("\n![latency percentiles](latency.svg)\n");
        Files.writeString(DIR.resolve("report.md"), md, StandardCharsets.UTF_8);
        Files.writeString(DIR.resolve("latency.svg"), svg(figures.stream().filter(f -> f.containsKey("p95"))
                .toList()), StandardCharsets.UTF_8);
    }

    private static String num(JsonObject f, String key) {
        return String.format(Locale.ROOT, "%.1f", f.getJsonNumber(key).doubleValue());
    }

    /** Horizontal bars, one row per latency figure: p50, p95 and p99 on one millisecond scale. */
    static String svg(List<JsonObject> latencies) {
        int row = 26;
        int left = 520;
        int width = 1100;
        int height = 60 + row * Math.max(1, latencies.size());
        double max = latencies.stream().mapToDouble(f -> f.getJsonNumber("p99").doubleValue()).max().orElse(1);
        double scale = (width - left - 70) / Math.max(max, 1);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
        s.append("<text x=\"10\" y=\"20\" font-size=\"14\">Latency percentiles (ms): p50 dark, p95 mid, p99 light"
                + "</text>\n");
        String[] keys = {"p99", "p95", "p50"};
        String[] colours = {"#c6dbef", "#6baed6", "#08519c"};
        for (int i = 0; i < latencies.size(); i++) {
            JsonObject f = latencies.get(i);
            int y = 40 + i * row;
            s.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s</text>%n", y + 14,
                    escape(f.getString("bench") + " " + f.getString("figure") + " (" + f.getString("db") + ")")));
            for (int k = 0; k < keys.length; k++) {
                double v = f.getJsonNumber(keys[k]).doubleValue();
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\">"
                        + "<title>%s %.1f ms</title></rect>%n", left, y, Math.max(1, v * scale), colours[k], keys[k], v));
            }
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.1f / %.1f / %.1f</text>%n",
                    left + f.getJsonNumber("p99").doubleValue() * scale + 6, y + 14, f.getJsonNumber("p50")
                            .doubleValue(), f.getJsonNumber("p95").doubleValue(), f.getJsonNumber("p99").doubleValue()));
        }
        return s.append("</svg>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The machine and versions: read once per run, not for every figure. */
    private static Map<String, String> described;

    private static Map<String, String> machine() {
        if (described == null) {
            described = describeMachine();
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("written", Instant.now().toString());
        m.putAll(described);
        return m;
    }

    private static Map<String, String> describeMachine() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cpus", String.valueOf(Runtime.getRuntime().availableProcessors()));
        m.put("memory", memTotal());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java (client)", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        m.put("server", "WildFly " + System.getProperty("opsdesk.wildfly.version", "(version not given)")
                + ", the build's provisioned server; client and server on this machine");
        if (BenchDatabase.isPostgres()) {
            try (Connection c = BenchDatabase.connect();
                    ResultSet rs = c.createStatement().executeQuery("show server_version")) {
                rs.next();
                m.put("postgresql", rs.getString(1));
            } catch (SQLException e) {
                m.put("postgresql", "unknown (" + e.getMessage() + ")");
            }
        }
        m.put("h2", "2.2.224 (embedded in the server)");
        return m;
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> l.replaceAll("\\s+", " ").replace("MemTotal: ", "")).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
