package org.opsdesk.web.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import org.opsdesk.application.LostRaces;
import org.opsdesk.application.NotFoundException;
import org.opsdesk.domain.DomainException;

/**
 * Messages shown at the top of a page: confirmations, and the refusals of the application (an illegal
 * move, a stale version, a missing ticket) in the words the service chose. Messages survive the
 * redirect after a successful form post.
 */
public final class Messages {

    private Messages() {
    }

    public static void info(String text) {
        add(FacesMessage.SEVERITY_INFO, text);
    }

    public static void error(String text) {
        add(FacesMessage.SEVERITY_ERROR, text);
    }

    /** Shows why a service call failed; rethrows what is not a refusal (a bug, an outage). */
    public static void failure(RuntimeException e) {
        error(describe(e));
    }

    /** The user-facing reason of a refusal; other exceptions are rethrown. */
    public static String describe(RuntimeException e) {
        if (e instanceof DomainException || e instanceof NotFoundException) {
            return e.getMessage();
        }
        if (LostRaces.isLostRace(e)) {
            return "Someone else changed this at the same moment; reload and try again.";
        }
        throw e;
    }


    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
