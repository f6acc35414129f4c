package org.opsdesk.domain.alert;

import java.util.Locale;
import java.util.Set;

/**
 * The state a monitoring tool reports, normalised to upper case: Nagios/Icinga {@code OK, WARNING,
 * CRITICAL, UNKNOWN, UP, DOWN, UNREACHABLE}, Alertmanager {@code FIRING, RESOLVED}, or whatever a
 * generic sender says. OK, UP and RESOLVED are recoveries.
 */
public record AlertState(String code) {

    public static final int MAX = 32;
    private static final Set<String> RECOVERED = Set.of("OK", "UP", "RESOLVED");

    public AlertState {
        String c = code == null || code.isBlank() ? "UNKNOWN" : code.strip().toUpperCase(Locale.ROOT);
        code = c.length() > MAX ? c.substring(0, MAX) : c;
    }

    public static AlertState of(String code) {
        return new AlertState(code);
    }

    /** Whether this state means the problem is over. */
    public boolean isRecovered() {
        return RECOVERED.contains(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
