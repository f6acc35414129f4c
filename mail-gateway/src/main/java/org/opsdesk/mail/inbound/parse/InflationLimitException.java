package org.opsdesk.mail.inbound.parse;

/** A compressed part would inflate beyond what is left to its message: the part is skipped, and so are later ones. */
final class InflationLimitException extends UndecodableContentException {

    private static final long serialVersionUID = 1L;

    InflationLimitException(String reason) {
        super(reason);
    }
}
