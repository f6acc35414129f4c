package org.opsdesk.web.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Formatting for views ({@code #{fmt.age(t.createdAt())}}): ages, times, sizes, lists. */
@Named("fmt")
@ApplicationScoped
public class Format {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    /** Times are shown in the viewer's zone. */
    @Inject
    ViewerZone zone;

    /** How long ago, in the largest sensible unit: {@code 5 min}, {@code 3 h}, {@code 12 d}. */
    public String age(Instant at) {
        if (at == null) {
            return "";
        }
        Duration d = Duration.between(at, Instant.now());
        if (d.isNegative() || d.toMinutes() < 1) {
            return "now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min";
        }
        if (d.toDays() < 2) {
            return d.toHours() + " h";
        }
        return d.toDays() + " d";
    }

    /** A date and time in the viewer's zone ({@link ViewerZone}). */
    public String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.withZone(zone.get()).format(at);
    }

    /** The value of an {@code <input type="datetime-local">}, in the viewer's zone. */
    public String isoLocal(Instant at) {
        return at == null ? "" : ISO_LOCAL.withZone(zone.get()).format(at);
    }

    /** Machine-readable time for {@code <time datetime>}. */
    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** A value for one segment of a URL's path: a space is %20 there, and '+' itself. */
    public String segment(String value) {
        return url(value).replace("+", "%20");
    }

    /** A value for a query string. */
    public String url(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The lines, one per line (for a {@code <pre>}). */
    public String lines(List<String> items) {
        return items == null ? "" : String.join("\n", items);
    }

    public String join(List<String> items) {
        return items == null ? "" : String.join(", ", items);
    }

    /**
     * What a history entry changed, for its line in the timeline: {@code old → new}; the new value alone when there
     * was none (a creation names the subject, a link its ticket), the old one alone when the entry says it is gone (a
     * link removed, a host unlinked), {@code old → –} when a value was cleared; statuses and priorities as labelled
     * elsewhere, times in the agent's zone. Empty when neither is set.
     */
    public String change(String kind, String oldValue, String newValue) {
        if (oldValue == null && newValue == null) {
            return "";
        }
        if ("time_worked".equals(kind) && oldValue != null && newValue != null) {
            try {
                long before = Long.parseLong(oldValue);
                long after = Long.parseLong(newValue);
                return (after >= before ? "+" : "−") + minutes(Math.abs(after - before)) + " (" + minutes(after)
                        + " in all)";
            } catch (NumberFormatException notMinutes) {
                // shown as written below
            }
        }
        if ("escalated".equals(kind) && oldValue != null) {
            // a deadline of the service level passed: what was due, and when
            return newValue + " was due " + value("due", oldValue);
        }
        if ("sla_warning".equals(kind) && oldValue != null) {
            // a deadline nears
            return newValue + " is due " + value("due", oldValue);
        }
        if (oldValue == null) {
            return value(kind, newValue);
        }
        if (newValue == null) {
            boolean gone = kind != null && (kind.endsWith("_removed") || kind.endsWith("_unlinked"));
            return value(kind, oldValue) + (gone ? "" : " → –");
        }
        return value(kind, oldValue) + " → " + value(kind, newValue);
    }

    private String value(String kind, String v) {
        if ("status".equals(kind) || "priority".equals(kind)) {
            return label(v);
        }
        if ("due".equals(kind) || "pending_until".equals(kind)) {
            try {
                return dateTime(Instant.parse(v));
            } catch (java.time.format.DateTimeParseException notATime) {
                return v;
            }
        }
        return v;
    }

    /**
     * Minutes as hours and minutes: {@code 0 min}, {@code 45 min}, {@code 2 h}, {@code 26 h 5 min}; a negative sum (a
     * correction outweighing what it corrects, in a report) with one sign: {@code −1 h 15 min}.
     */
    public String minutes(long minutes) {
        long abs = Math.abs(minutes);
        long h = abs / 60;
        long m = abs % 60;
        return (minutes < 0 ? "−" : "") + (h == 0 ? m + " min" : m == 0 ? h + " h" : h + " h " + m + " min");
    }

    public String label(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        if (code.startsWith("sla_")) {
            code = "SLA" + code.substring(3); // an abbreviation stays in capitals
        }
        String s = code.replace('_', ' ').replace('-', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
