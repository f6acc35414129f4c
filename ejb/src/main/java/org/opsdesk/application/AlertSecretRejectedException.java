package org.opsdesk.application;

/**
 * A notification came with a source secret that is wrong, missing, or names no source with a secret.
 * Callers answer 401; the message never contains the secret.
 */
@jakarta.ejb.ApplicationException(rollback = true)
public class AlertSecretRejectedException extends RuntimeException {

    public AlertSecretRejectedException(String source) {
        super("The secret for alert source '" + source + "' is wrong or the source has no secret.");
    }
}
