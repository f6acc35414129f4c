package org.opsdesk.web.ui.wiki;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import org.opsdesk.application.WikiService;
import org.opsdesk.application.WikiService.BrokenLink;
import org.opsdesk.application.WikiService.ImportReport;
import org.opsdesk.application.WikiService.RunbookCoverage;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.Messages;

/** Import of a Markdown archive and the link reports ({@code wiki-tools.xhtml}). */
@Named("wikiTools")
@ViewScoped
public class WikiToolsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    WikiService wiki;

    @Inject
    CurrentAgent me;

    private transient Part archive;
    private String into;
    private ImportReport report;
    private transient RunbookCoverage coverage;

    public String importArchive() {
        if (archive == null || archive.getSize() == 0) {
            Messages.error("Choose a .zip or .tar.gz of Markdown files.");
            return null;
        }
        try (InputStream in = archive.getInputStream()) {
            report = wiki.importArchive(in, into, me.caller());
            Messages.info("Imported: " + report.created() + " new, " + report.updated() + " updated, "
                    + report.unchanged() + " unchanged pages, " + report.attachments() + " files, in "
                    + report.millis() + " ms.");
        } catch (IOException e) {
            Messages.error("The upload could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
        return null;
    }

    public List<BrokenLink> getBrokenLinks() {
        return wiki.brokenLinks();
    }

    public RunbookCoverage getCoverage() {
        if (coverage == null) {
            coverage = wiki.runbookCoverage();
        }
        return coverage;
    }

    public ImportReport getReport() {
        return report;
    }

    public Part getArchive() {
        return archive;
    }

    public void setArchive(Part archive) {
        this.archive = archive;
    }

    public String getInto() {
        return into;
    }

    public void setInto(String into) {
        this.into = into;
    }
}
