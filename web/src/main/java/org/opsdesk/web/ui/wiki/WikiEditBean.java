package org.opsdesk.web.ui.wiki;

import java.io.Serializable;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.WikiConflictException;
import org.opsdesk.application.WikiService;
import org.opsdesk.application.WikiService.PageView;
import org.opsdesk.application.WikiService.SaveCommand;
import org.opsdesk.domain.DomainException;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.Drafts;
import org.opsdesk.web.ui.Messages;
import org.opsdesk.web.ui.Redirects;

/**
 * The editor ({@code wiki-edit.xhtml?path=}): a new page starts from the template (the runbook one under
 * {@code runbooks/}); a save carries the revision the edit started from, so a concurrent save is merged, or shown
 * as a conflict with both versions while the user's text stays in the editor.
 */
@Named("wikiEdit")
@ViewScoped
public class WikiEditBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    WikiService wiki;

    @Inject
    CurrentAgent me;

    private String path;
    private String title;
    private String markdown;
    private String comment;
    private Integer baseRevision;
    private boolean creating;
    private transient WikiConflictException conflict;

    /**
     * Someone else created the page while this user wrote it: from now on this is an edit of their revision, which
     * the next save replaces, and the user's text stays in the editor (a reload would have lost it).
     */
    private void createdMeanwhile() {
        try {
            PageView theirs = wiki.get(path);
            creating = false;
            baseRevision = theirs.revision();
            Messages.error("Someone created " + theirs.path() + " while you wrote it (revision " + theirs.revision()
                    + ", by " + theirs.updatedBy() + "). Your text is still here: open the page in another tab to"
                    + " compare, then save to replace it with yours.");
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    /** {@code f:viewAction}: loads the page, or the template for a new one. */
    public void load() {
        if (markdown != null || path == null || path.isBlank()) {
            return;
        }
        try {
            PageView p = wiki.get(path);
            path = p.path();
            title = p.title();
            markdown = p.markdown();
            baseRevision = p.revision();
        } catch (NotFoundException e) {
            creating = true;
            markdown = wiki.template(path);
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    public String save() {
        try {
            PageView saved = wiki.save(path, new SaveCommand(markdown == null ? "" : markdown, title,
                    creating ? null : baseRevision,
                    comment), me.caller());
            Messages.info(saved.merged()
                    ? "Saved as revision " + saved.revision() + ": your edit was merged with changes saved meanwhile."
                    : "Saved as revision " + saved.revision() + ".");
            return Redirects.to(Drafts.sent("/wiki.xhtml?path=" + saved.path(), "wiki-" + path));
        } catch (WikiConflictException e) {
            conflict = e;
            baseRevision = e.currentRevision();
            // both edits, conflicts marked: saving the user's text alone over the current revision dropped the
            // other's changes outside the conflicts
            markdown = e.markedMarkdown();
            // the exception's message speaks to API clients (baseRevision)
            int places = e.conflicts().size();
            Messages.error("Not saved: someone saved this page meanwhile, and your edit overlaps theirs in " + places
                    + (places == 1 ? " place" : " places") + ". Resolve the marked parts below and save again.");
            return null;
        } catch (DomainException e) {
            if ("base_revision_required".equals(e.code())) {
                // created meanwhile: while this user wrote it, or (a draft typed before the page existed, restored
                // without a revision) before the editor was opened again
                createdMeanwhile();
            } else {
                Messages.failure(e);
            }
            return null;
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
    }

    public WikiConflictException getConflict() {
        return conflict;
    }

    public boolean isCreating() {
        return creating;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getMarkdown() {
        return markdown;
    }

    public void setMarkdown(String markdown) {
        this.markdown = markdown;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public Integer getBaseRevision() {
        return baseRevision;
    }

    public void setBaseRevision(Integer baseRevision) {
        this.baseRevision = baseRevision;
    }
}
