package org.opsdesk.domain.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.opsdesk.domain.DomainException;

/**
 * What a notification says happened, named as Nagios names it. Only a PROBLEM opens a ticket and only
 * a RECOVERY resolves one; the others are recorded. Persisted by name.
 */
public enum AlertEventType {
    PROBLEM, RECOVERY, ACKNOWLEDGEMENT, DOWNTIMESTART, DOWNTIMEEND, FLAPPINGSTART, FLAPPINGSTOP, CUSTOM;

    /** Whether this notification may open a ticket. */
    public boolean opens() {
        return this == PROBLEM;
    }

    /** Whether this notification says the problem is over. */
    public boolean recovers() {
        return this == RECOVERY;
    }

    /** Only noted: acknowledgements, downtimes, flapping and custom notifications. */
    public boolean isInformational() {
        return !opens() && !recovers();
    }

    /** Lenient: the Nagios variants {@code DOWNTIMECANCELLED} and {@code FLAPPINGDISABLED} end. */
    public static AlertEventType fromCode(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        switch (c) {
            case "DOWNTIMECANCELLED":
                return DOWNTIMEEND;
            case "FLAPPINGDISABLED":
                return FLAPPINGSTOP;
            case "ACK":
            case "ACKNOWLEDGE":
                return ACKNOWLEDGEMENT;
            default:
                for (AlertEventType t : values()) {
                    if (t.name().equals(c)) {
                        return t;
                    }
                }
        }
        throw DomainException.invalid("unknown_notification_type", "Unknown notification type '" + code
                + "'; use one of: " + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
    }
}
