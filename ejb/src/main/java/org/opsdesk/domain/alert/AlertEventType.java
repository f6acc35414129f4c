package org.opsdesk.domain.alert;

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
}
