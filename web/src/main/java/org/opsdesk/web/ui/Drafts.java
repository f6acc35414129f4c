package org.opsdesk.web.ui;

import jakarta.faces.context.FacesContext;

/**
 * Unsent texts: the browser keeps what is typed into a reply, a comment or a new ticket ({@code textarea[data-draft]},
 * see opsdesk.js) until a send works, so that a page that expired meanwhile (its view evicted by other pages, the
 * session timed out, the server restarted) loses no text. After a send that worked, the next page names the draft
 * (the layout's {@code #draft-sent}), and the browser forgets it.
 */
public final class Drafts {

    /** The flash attribute that names the draft just sent. */
    public static final String SENT = "draftSent";

    private Drafts() {
    }

    /** The draft {@code name} was sent: the page after the redirect tells the browser to forget it. */
    public static void sent(String name) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().put(SENT, name);
    }
}
