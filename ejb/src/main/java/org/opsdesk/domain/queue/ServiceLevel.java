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
 * {@link BusinessHours} from the ticket's creation. A priority without a target has no deadline. Kept as text,
 * {@code urgent 15/240; high 60/480; normal -/2880} (minutes; {@code -}: none).
 */
public final class ServiceLevel {

    /** No targets. */
    public static final ServiceLevel NONE = new ServiceLevel(Map.of());

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

    private ServiceLevel(Map<Priority, Target> targets) {
        this.targets = targets;
    }

    /** The targets given, those without any minutes left out. */
    public static ServiceLevel of(Map<Priority, Target> targets) {
        Map<Priority, Target> kept = new EnumMap<>(Priority.class);
        targets.forEach((p, t) -> {
            if (t != null && !t.isEmpty()) {
                kept.put(p, t);
            }
        });
        return kept.isEmpty() ? NONE : new ServiceLevel(Collections.unmodifiableMap(kept));
    }

    /** Reads the text kept in the database (see the class); null or blank: {@link #NONE}. */
    public static ServiceLevel parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Map<Priority, Target> targets = new EnumMap<>(Priority.class);
        for (String entry : text.split(";")) {
            String[] parts = entry.strip().split("[ /]");
            if (parts.length != 3) {
                throw DomainException.invalid("invalid_sla", "'" + entry.strip() + "' is no target ('urgent 15/240').");
            }
            targets.put(Priority.fromCode(parts[0]), new Target(minutes(parts[1]), minutes(parts[2])));
        }
        return of(targets);
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
        return String.join("; ", entries);
    }

    private static String orDash(Integer minutes) {
        return minutes == null ? "-" : minutes.toString();
    }

    public boolean isNone() {
        return targets.isEmpty();
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

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceLevel s && targets.equals(s.targets);
    }

    @Override
    public int hashCode() {
        return targets.hashCode();
    }

    @Override
    public String toString() {
        return isNone() ? "none" : text();
    }
}
