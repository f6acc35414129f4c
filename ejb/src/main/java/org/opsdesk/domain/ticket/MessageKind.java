package org.opsdesk.domain.ticket;

/** A message on a ticket: a public reply (goes to the customer), an internal comment, or inbound mail. */
public enum MessageKind {
    REPLY, COMMENT, INBOUND;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the customer may see it. */
    public boolean isPublic() {
        return this != COMMENT;
    }
}
