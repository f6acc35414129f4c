package org.opsdesk.web.ui.wiki;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opsdesk.application.WikiService;
import org.opsdesk.application.WikiService.DiffView;
import org.opsdesk.application.WikiService.RevisionSummary;
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

    public List<RevisionSummary> getRevisions() {
        if (revisions == null) {
            revisions = wiki.revisions(path);
        }
        return revisions;
    }

    public DiffView getDiff() {
        if (from == null || to == null) {
            return null;
        }
        try {
            return wiki.diff(path, from, to);
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
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
