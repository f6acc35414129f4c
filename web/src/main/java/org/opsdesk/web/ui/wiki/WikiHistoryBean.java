package org.opsdesk.web.ui.wiki;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.WikiService;
import org.opsdesk.application.WikiService.DiffView;
import org.opsdesk.application.WikiService.RevisionSummary;
import org.opsdesk.domain.DomainException;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.Messages;
import org.opsdesk.web.ui.Redirects;

/** A page's history ({@code wiki-history.xhtml?path=&from=&to=}): revisions, a diff of two, restoring one. */
@Named("wikiHistory")
@ViewScoped
public class WikiHistoryBean implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    WikiService wiki;

    @Inject
    CurrentAgent me;

    private String path;
    private Integer from;
    private Integer to;
    private transient List<RevisionSummary> revisions;

    private transient DiffView diff;
    private boolean found;

    /**
     * {@code f:viewAction}: the revisions and the chosen diff, read before the page renders so that a diff that
     * cannot be made (an unknown revision) says so in the page's messages.
     */
    public void load() {
        if (!getRevisions().isEmpty() && from != null && to != null) {
            try {
                diff = wiki.diff(path, from, to);
            } catch (RuntimeException e) {
                Messages.failure(e);
            }
        }
    }

    /** The page's revisions; none when the path names no page (the page says so). */
    public List<RevisionSummary> getRevisions() {
        if (revisions == null) {
            revisions = List.of();
            if (path != null && !path.isBlank()) {
                try {
                    revisions = wiki.revisions(path);
                    found = true;
                } catch (NotFoundException | DomainException e) {
                    found = false;
                }
            }
        }
        return revisions;
    }

    public boolean isFound() {
        getRevisions();
        return found;
    }

    public DiffView getDiff() {
        return diff;
    }

    public String restore(int revision) {
        try {
            wiki.restore(path, revision, me.caller());
            Messages.info("Revision " + revision + " restored as a new revision.");
            return Redirects.to("/wiki.xhtml?path=" + path);
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public Integer getFrom() {
        return from;
    }

    public void setFrom(Integer from) {
        this.from = from;
    }

    public Integer getTo() {
        return to;
    }

    public void setTo(Integer to) {
        this.to = to;
    }
}
