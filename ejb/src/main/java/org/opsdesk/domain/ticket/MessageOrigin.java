package org.opsdesk.domain.ticket;

/**
 * Who wrote a message that came from outside: a person (whose answer reopens a resolved or pending ticket) or a
 * machine (auto-replies, bounces, robots' mail, monitoring), which never reopens and is noted as such in the history.
 */
public enum MessageOrigin {
    PERSON(null),
    MACHINE_MAIL("machine mail"),
    MONITORING("monitoring");

    private final String note;

    MessageOrigin(String note) {
        this.note = note;
    }

    /** What the history says about such a message; null for a person's. */
    public String note() {
        return note;
    }
}
