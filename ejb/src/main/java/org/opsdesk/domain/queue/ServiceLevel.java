package org.opsdesk.domain.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.ticket.Priority;

/**
 * A queue's service level agreement (Zammad's SLAs, Znuny's escalation times, RT's SLA levels): per priority, how
 * soon a new ticket gets its first public reply and how soon it is resolved, counted in the queue's
 * {@link BusinessHours} from the ticket's creation. A priority without a target has no deadline. It may warn ahead of
 * a breach (Znuny's "notify by", Zammad's escalation warning): once a given share of a target's time has passed. Kept
 * as text, {@code urgent 15/240; high 60/480; normal -/2880; warn 80%} (minutes; {@code -}: none).
 */
public final class ServiceLevel {

    /** No targets. */
    public static final ServiceLevel NONE = new ServiceLevel(Map.of(), null);

    /** The longest target: a year. */
    public static final int MAX_MINUTES = 365 * 24 * 60;

    /** Minutes to the first response and to the resolution; null: no target. */
    public record Target(Integer responseMinutes, Integer resolutionMinutes) {
        public Target {
            for (Integer m : new Integer[] {responseMinutes, resolutionMinutes}) {
                if (m != null && (m < 1 || m > MAX_MINUTES)) {
                    throw DomainException.invalid("invalid_sla", "A service level's target is 1 to " + MAX_MINUTES
                            + " minutes (a year); " + m + " is not.");
                }
            }
        }

        boolean isEmpty() {
            return responseMinutes == null && resolutionMinutes == null;
        }
    }

    private final Map<Priority, Target> targets;

    /** The share of a target's time (percent) after which its ticket warns; null: no warning. */
    private final Integer warnPercent;

    private ServiceLevel(Map<Priority, Target> targets, Integer warnPercent) {
        this.targets = targets;
        this.warnPercent = warnPercent;
    }

    /** The targets given, those without any minutes left out; no warning. */
    public static ServiceLevel of(Map<Priority, Target> targets) {
        return of(targets, null);
    }

    /**
     * The targets given, those without any minutes left out, warning once {@code warnPercent} (1-99; null: never) of a
     * target's time has passed (400 {@code invalid_sla}); without targets there is nothing to warn of (400 too).
     */
    public static ServiceLevel of(Map<Priority, Target> targets, Integer warnPercent) {
        if (warnPercent != null && (warnPercent < 1 || warnPercent > 99)) {
            throw DomainException.invalid("invalid_sla", "A service level warns after 1 to 99 percent of a target's"
                    + " time; " + warnPercent + " is not.");
        }
        Map<Priority, Target> kept = new EnumMap<>(Priority.class);
        targets.forEach((p, t) -> {
            if (t != null && !t.isEmpty()) {
                kept.put(p, t);
            }
        });
        if (kept.isEmpty() && warnPercent != null) {
            throw DomainException.invalid("invalid_sla", "A service level warns ahead of its deadlines: give a target"
                    + " too, or no warning share.");
        }
        return kept.isEmpty() ? NONE : new ServiceLevel(Collections.unmodifiableMap(kept), warnPercent);
    }

    /** Reads the text kept in the database (see the class); null or blank: {@link #NONE}. */
    public static ServiceLevel parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Map<Priority, Target> targets = new EnumMap<>(Priority.class);
        Integer warn = null;
        for (String entry : text.split(";")) {
            if (entry.strip().startsWith("warn ") && entry.strip().endsWith("%")) {
                String n = entry.strip().substring(5, entry.strip().length() - 1).strip();
                warn = minutes(n);
                continue;
            }
            String[] parts = entry.strip().split("[ /]");
            if (parts.length != 3) {
                throw DomainException.invalid("invalid_sla", "'" + entry.strip() + "' is no target ('urgent 15/240').");
            }
            targets.put(Priority.fromCode(parts[0]), new Target(minutes(parts[1]), minutes(parts[2])));
        }
        return of(targets, warn);
    }

    private static Integer minutes(String s) {
        if (s.equals("-")) {
            return null;
        }
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("invalid_sla", "'" + s + "' is no number of minutes.");
        }
    }

    /** The text kept in the database; null for {@link #NONE}. */
    public String text() {
        if (targets.isEmpty()) {
            return null;
        }
        List<String> entries = new ArrayList<>();
        targets.forEach((p, t) -> entries.add(p.code() + " " + orDash(t.responseMinutes()) + "/"
                + orDash(t.resolutionMinutes())));
        Collections.reverse(entries); // the most urgent first, as one reads an SLA
        if (warnPercent != null) {
            entries.add("warn " + warnPercent + "%");
        }
        return String.join("; ", entries);
    }

    private static String orDash(Integer minutes) {
        return minutes == null ? "-" : minutes.toString();
    }

    public boolean isNone() {
        return targets.isEmpty();
    }

    /** The share of a target's time (percent) after which a ticket warns; null: never. */
    public Integer warnPercent() {
        return warnPercent;
    }

    /** The targets by priority, the lowest first; priorities without one absent. */
    public Map<Priority, Target> targets() {
        return targets;
    }

    /**
     * When a ticket of {@code priority} created at {@code created} is due its first response, with {@code paused} of
     * business time it spent waiting (pending) before it; null: no target.
     */
    public Instant responseDue(Priority priority, Instant created, Duration paused, BusinessHours hours) {
        Target t = targets.get(priority);
        return t == null || t.responseMinutes() == null ? null
                : hours.plus(created, Duration.ofMinutes(t.responseMinutes()).plus(paused));
    }

    /** When such a ticket is due resolved; null: no target. */
    public Instant resolutionDue(Priority priority, Instant created, Duration paused, BusinessHours hours) {
        Target t = targets.get(priority);
        return t == null || t.resolutionMinutes() == null ? null
                : hours.plus(created, Duration.ofMinutes(t.resolutionMinutes()).plus(paused));
    }

    /** When such a ticket warns that its first response will soon be due; null: no target or no warning. */
    public Instant responseWarning(Priority priority, Instant created, Duration paused, BusinessHours hours) {
        Target t = targets.get(priority);
        return warning(t == null ? null : t.responseMinutes(), created, paused, hours);
    }

    /** When such a ticket warns that its resolution will soon be due; null: no target or no warning. */
    public Instant resolutionWarning(Priority priority, Instant created, Duration paused, BusinessHours hours) {
        Target t = targets.get(priority);
        return warning(t == null ? null : t.resolutionMinutes(), created, paused, hours);
    }

    private Instant warning(Integer minutes, Instant created, Duration paused, BusinessHours hours) {
        return minutes == null || warnPercent == null ? null
                : hours.plus(created, Duration.ofSeconds(minutes * 60L * warnPercent / 100).plus(paused));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceLevel s && targets.equals(s.targets)
                && java.util.Objects.equals(warnPercent, s.warnPercent);
    }

    @Override
    public int hashCode() {
        return targets.hashCode() * 31 + java.util.Objects.hashCode(warnPercent);
    }

    @Override
    public String toString() {
        return isNone() ? "none" : text();
    }
}
