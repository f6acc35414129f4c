package org.opsdesk.web.ui;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

/** Post-redirect-get: after a form post, the browser loads the page again with GET; messages are kept. */
public final class Redirects {

    private Redirects() {
    }

    /** Redirects to {@code path} (from the context root, with its query string); returns null, the outcome. */
    public static String to(String path) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext ec = faces.getExternalContext();
        ec.getFlash().setKeepMessages(true);
        try {
            ec.redirect(ec.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
        return null;
    }
}
