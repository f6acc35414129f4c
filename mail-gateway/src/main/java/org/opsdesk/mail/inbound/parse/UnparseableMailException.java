package org.opsdesk.mail.inbound.parse;

/** Not even permissive parsing can make a message of these bytes; the reason goes to the quarantine. */
public class UnparseableMailException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnparseableMailException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
