package org.opsdesk.web.ui.wiki;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.WikiService;
import org.opsdesk.application.WikiService.AttachmentView;
import org.opsdesk.application.WikiService.PageSummary;
import org.opsdesk.application.WikiService.PageView;
import org.opsdesk.domain.DomainException;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.Messages;
import org.opsdesk.web.ui.Redirects;
import org.opsdesk.web.ui.Uploads;

/** A wiki page ({@code wiki.xhtml?path=}), or the list of pages when no path is given; and moving it. */
@Named("wikiPage")
@ViewScoped
public class WikiPageBean implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Uploads uploads;

    @EJB
    WikiService wiki;

    @Inject
    CurrentAgent me;

    private String path;
    private String moveTo;
    private transient jakarta.servlet.http.Part file;
    private transient PageView page;
    private transient boolean loaded;

    public PageView getPage() {
        if (!loaded) {
            loaded = true;
            if (path != null && !path.isBlank()) {
                try {
                    page = wiki.get(path);
                } catch (NotFoundException | DomainException e) {
                    page = null;
                }
            }
        }
        return page;
    }

    /** The folder the index shows ({@code wiki.xhtml?dir=runbooks/kubernetes}); empty: the top. */
    private String dir;

    public String getDir() {
        return dir;
    }

    public void setDir(String dir) {
        this.dir = dir == null ? null : dir.strip().replaceAll("^/+|/+$", "");
    }

    private WikiService.Folder folder() {
        return org.opsdesk.web.ui.PerRequest.once("opsdesk.wiki.folder", () -> wiki.folder(dir));
    }

    /** The folders right under the one shown, each with the number of pages somewhere under it, by name. */
    public List<WikiService.FolderEntry> getFolders() {
        return folder().folders();
    }

    /** The pages right in the folder shown, by path. */
    public List<PageSummary> getPagesHere() {
        return folder().pages();
    }

    /** Whether the wiki has no page at all (the index says so rather than "nothing in this folder"). */
    public boolean isWikiEmpty() {
        return (dir == null || dir.isEmpty()) && getFolders().isEmpty() && getPagesHere().isEmpty();
    }

    /** The folders a page lies in, from the top down, for its breadcrumb. */
    public List<WikiService.FolderEntry> getPageTrail() {
        PageView p = getPage();
        if (p == null || p.path().indexOf('/') < 0) {
            return List.of();
        }
        return trail(p.path().substring(0, p.path().lastIndexOf('/')));
    }

    /** The folders from the top down to the one shown, for its breadcrumb. */
    public List<WikiService.FolderEntry> getDirTrail() {
        return trail(dir);
    }

    /** The folders from the top down to {@code folder}. */
    private static List<WikiService.FolderEntry> trail(String folder) {
        List<WikiService.FolderEntry> trail = new java.util.ArrayList<>();
        if (folder == null || folder.isEmpty()) {
            return trail;
        }
        StringBuilder at = new StringBuilder();
        for (String segment : folder.split("/+")) {
            at.append(at.length() == 0 ? "" : "/").append(segment);
            trail.add(new WikiService.FolderEntry(at.toString(), segment, 0));
        }
        return trail;
    }

    public List<PageSummary> getBacklinks() {
        return getPage() == null ? List.of() : wiki.backlinks(page.path());
    }

    public List<AttachmentView> getAttachments() {
        return getPage() == null ? List.of() : wiki.attachments(page.path());
    }

    public String move() {
        try {
            PageView moved = wiki.move(path, moveTo, me.caller());
            Messages.info("Moved to " + moved.path() + "; the old path keeps working.");
            return Redirects.to("/wiki.xhtml?path=" + moved.path());
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
    }

    /** Uploads a file to this page (embed it with {@code ![](name.png)}). */
    public String upload() {
        if (file == null || file.getSize() == 0) {
            Messages.error("Choose a file to upload.");
            return null;
        }
        try {
            String name = file.getSubmittedFileName();
            wiki.attach(path, name, file.getContentType(), uploads.read(file), me.caller());
            Messages.info("Uploaded " + name + "; embed it with ![](" + name + ").");
            return Redirects.to("/wiki.xhtml?path=" + path);
        } catch (java.io.IOException e) {
            Messages.error("The upload could not be read: " + e.getMessage());
            return null;
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
    }

    public jakarta.servlet.http.Part getFile() {
        return file;
    }

    public void setFile(jakarta.servlet.http.Part file) {
        this.file = file;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getMoveTo() {
        return moveTo;
    }

    public void setMoveTo(String moveTo) {
        this.moveTo = moveTo;
    }
}
