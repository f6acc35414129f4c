package org.opsdesk.application;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The runbook wiki: read, save (with the base revision: concurrent edits merge three-way or answer a
 * {@link WikiConflictException}), history and diffs, moves that leave redirects, backlinks and link reports,
 * import and export of Markdown folders, attachments. Reading is open to every agent; so is writing.
 */
public interface WikiService {

    record TocEntry(int level, String text, String anchor) {
    }

    record FrontMatterView(List<String> tags, String owner, LocalDate reviewed, List<String> alerts,
            List<String> services) {
    }

    record PageView(String path, String title, int revision, String markdown, String html, List<TocEntry> toc,
            FrontMatterView frontMatter, Instant createdAt, Instant updatedAt, String updatedBy,
            String redirectedFrom, boolean merged) {
    }

    record PageSummary(String path, String title, int revision, Instant updatedAt, String updatedBy) {
    }

    record SaveCommand(String markdown, String title, Integer baseRevision, String comment) {
    }

    record RevisionSummary(int number, String title, String path, String author, String comment, Instant at,
            int length) {
    }

    record RevisionView(String path, int number, String title, String markdown, String html, String author,
            String comment, Instant at) {
    }

    record DiffLineView(String kind, Integer oldNumber, Integer newNumber, String oldHtml, String newHtml) {
    }

    record DiffView(String path, int from, int to, List<DiffLineView> lines, String unified) {
    }

    record BrokenLink(String fromPath, String toPath) {
    }

    record ImportReport(int created, int updated, int unchanged, int attachments, List<String> skipped,
            long millis) {
    }

    record AttachmentView(String fileName, String contentType, long size, String uploadedBy, Instant at) {
    }

    record AttachmentData(String fileName, String contentType, byte[] bytes) {
    }

    record RunbookCoverage(List<PageSummary> runbooksWithoutAlerts, List<String> alertsWithoutRunbook,
            List<String> runbookUrlsWithoutPage) {
    }

    PageView get(String path);

    List<PageSummary> list(String prefix, int limit);

    /** A folder of the wiki index: its path, its last segment, and how many pages lie anywhere under it. */
    record FolderEntry(String path, String name, long pages) {
    }

    /** One folder of the wiki: the folders right under it with their page counts, and the pages right in it. */
    record Folder(String path, List<FolderEntry> folders, List<PageSummary> pages) {
    }

    /** The folder {@code dir} ({@code runbooks/kubernetes}; null or blank: the top), whatever the wiki's size. */
    Folder folder(String dir);

    /**
     * The agents' canned responses (Zammad's text modules, Znuny's templates): the pages right in the folder
     * {@code responses}, by title.
     */
    List<PageSummary> responses();

    /**
     * What response page {@code path} puts into a reply: its Markdown without front matter and title, placeholders
     * unfilled; 404 {@code response_not_found} for a path outside {@code responses/} or no such page.
     */
    String responseText(String path);

    /** A canned response: its page, title and text (see {@link #responseText}), at most 20,000 characters. */
    record ResponseText(String path, String title, String text) {
    }

    /** Every canned response with its text (at most 100, by title): one call for a ticket page. */
    List<ResponseText> responseTexts();

    /** Creates the page or saves a new revision of it; see the interface comment for conflicts. */
    PageView save(String path, SaveCommand command, Caller caller);

    /** Renders Markdown as the page at {@code path} would show it (the editor's live preview). */
    String preview(String path, String markdown);

    /** The Markdown a new page at {@code path} starts from (the runbook template under {@code runbooks/}). */
    String template(String path);

    List<RevisionSummary> revisions(String path);

    RevisionView revision(String path, int number);

    DiffView diff(String path, int from, int to);

    PageView restore(String path, int number, Caller caller);

    PageView move(String path, String to, Caller caller);

    List<PageSummary> backlinks(String path);

    List<BrokenLink> brokenLinks();

    /**
     * Runbooks no alert (by name or runbook URL) points at, the alert names (seen by OpsDesk) that no page covers,
     * and the alerts' runbook URLs that name no page.
     */
    RunbookCoverage runbookCoverage();

    /** Pages that cover any of these alert names or refer to any of these hosts or to this ticket. */
    List<PageSummary> runbooksFor(List<String> alertNames, List<String> hostNames, Long ticketNumber);

    /**
     * A ticket's runbooks: {@code pages} its alerts' runbook URLs open in this wiki, or whose last segment names
     * (an imported copy of an external runbook), then pages covering its alerts (by name or service), referring to
     * its hosts or to the ticket itself; {@code links} its alerts' runbook URLs outside this wiki, to show as links.
     */
    record TicketRunbooks(List<PageSummary> pages, List<String> links) {
    }

    TicketRunbooks runbooksForTicket(long number, Caller caller);

    ImportReport importArchive(InputStream archive, String into, Caller caller);

    /** Writes the pages under {@code prefix} (all when blank) and their attachments as a zip of Markdown files. */
    void export(String prefix, OutputStream out);

    /** The file name an export of {@code prefix} is downloaded as: {@code wiki.zip}, {@code runbooks-k8s.zip}. */
    static String exportFileName(String prefix) {
        return (prefix == null || prefix.isBlank() ? "wiki" : prefix.replace('/', '-')) + ".zip";
    }

    AttachmentView attach(String path, String fileName, String contentType, byte[] bytes, Caller caller);

    List<AttachmentView> attachments(String path);

    AttachmentData attachment(String path, String fileName);
}
