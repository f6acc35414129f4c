package org.opsdesk.web.ui.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opsdesk.application.SearchService;
import org.opsdesk.application.SearchService.IndexStatus;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.Messages;
import org.opsdesk.web.ui.Redirects;

/**
 * The search index ({@code admin/search.xhtml}): what it holds, the last rebuild, and the button that starts one. The
 * page's progress bar follows a running rebuild through {@code /search-status} ({@link
 * org.opsdesk.web.ui.http.SearchStatusServlet}).
 */
@Named("adminSearch")
@RequestScoped
public class AdminSearchBean {

    @EJB
    SearchService search;

    @Inject
    CurrentAgent me;

    private IndexStatus status;

    public IndexStatus getStatus() {
        if (status == null) {
            status = search.status(me.caller());
        }
        return status;
    }

    /** The progress bar's end: the documents the rebuild counted at its start (at least 1). */
    public long getProgressMax() {
        return Math.max(1, getStatus().rebuildTotal());
    }

    /** Where the bar stands: the documents written so far; full once a rebuild has finished without error. */
    public long getProgressValue() {
        IndexStatus s = getStatus();
        if (s.rebuilding()) {
            return Math.min(s.rebuildDone(), getProgressMax());
        }
        return s.rebuildFinishedAt() != null && s.rebuildError() == null ? getProgressMax() : 0;
    }

    public String rebuild() {
        try {
            IndexStatus started = search.rebuild(me.caller());
            Messages.info(started.rebuilding()
                    ? "Rebuild started: searching goes on meanwhile, with the documents indexed so far."
                    : "Rebuilt already: " + started.rebuildDone() + " documents.");
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        return Redirects.to("/admin/search.xhtml");
    }
}
