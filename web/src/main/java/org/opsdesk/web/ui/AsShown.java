package org.opsdesk.web.ui;

import java.io.Serializable;
import java.util.function.Supplier;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;

/**
 * A list as the page last showed it, for a view-scoped bean whose rows carry buttons. Faces finds the row a button
 * was clicked in by its position in the list as it is at the click: read anew, a row added or removed meanwhile
 * (another admin's new agent, a host that monitoring linked) shifted the rows, and "Make admin" on bob made alice an
 * admin. Rendering reads the list anew and keeps it; a postback's other phases get the kept one.
 */
public final class AsShown<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Not kept across a session's serialisation: read anew then, as before. */
    private transient T shown;
    /** The request whose rendering read {@link #shown}: read once per rendering, however often the page asks. */
    private transient FacesContext readIn;

    public T get(Supplier<T> now) {
        FacesContext context = FacesContext.getCurrentInstance();
        boolean rendering = context.getCurrentPhaseId() == PhaseId.RENDER_RESPONSE;
        if (shown != null && (!rendering || readIn == context)) {
            return shown;
        }
        T value = now.get();
        if (rendering) {
            shown = value;
            readIn = context;
        }
        return value;
    }
}
