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
