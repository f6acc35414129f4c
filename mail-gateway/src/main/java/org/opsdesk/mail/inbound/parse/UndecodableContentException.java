package org.opsdesk.mail.inbound.parse;

/** The content of one part cannot be decoded; the part is skipped with a note, the mail is kept. */
class UndecodableContentException extends Exception {

    private static final long serialVersionUID = 1L;

    UndecodableContentException(String reason) {
        super(reason);
    }

    UndecodableContentException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
