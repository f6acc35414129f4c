package org.opsdesk.application.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.opsdesk.application.AttachmentTooLargeException;
import org.opsdesk.application.Caller;
import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.WikiConflictException;
import org.opsdesk.application.WikiService;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.party.Person;
import org.opsdesk.domain.ticket.Attachment;
import org.opsdesk.domain.ticket.AttachmentContent;
import org.opsdesk.domain.wiki.PageAttachment;
import org.opsdesk.domain.wiki.PageChanged;
import org.opsdesk.domain.wiki.PagePath;
import org.opsdesk.domain.wiki.PageRedirect;
import org.opsdesk.domain.wiki.PageReference;
import org.opsdesk.domain.wiki.PageRevision;
import org.opsdesk.domain.wiki.RunbookUrl;
import org.opsdesk.domain.wiki.WikiPage;
import org.opsdesk.infrastructure.config.Settings;
import org.opsdesk.infrastructure.persistence.AlertRepository;
import org.opsdesk.infrastructure.persistence.ConstraintViolations;
import org.opsdesk.infrastructure.persistence.PersonRepository;
import org.opsdesk.infrastructure.persistence.TicketRepository;
import org.opsdesk.infrastructure.persistence.WikiRepository;
import org.opsdesk.wiki.PagePaths;
import org.opsdesk.wiki.Templates;
import org.opsdesk.wiki.archive.ArchiveEntry;
import org.opsdesk.wiki.archive.ImportPlan;
import org.opsdesk.wiki.archive.ImportedPage;
import org.opsdesk.wiki.archive.MarkdownArchive;
import org.opsdesk.wiki.archive.MarkdownExporter;
import org.opsdesk.wiki.archive.MarkdownExporter.ExportedPage;
import org.opsdesk.wiki.archive.MarkdownImporter;
import org.opsdesk.wiki.diff.MergeResult;
import org.opsdesk.wiki.diff.PageDiff;
import org.opsdesk.wiki.diff.ThreeWayMerge;
import org.opsdesk.wiki.markdown.FrontMatter;
import org.opsdesk.wiki.markdown.LinkResolver;
import org.opsdesk.wiki.markdown.MarkdownRenderer;
import org.opsdesk.wiki.markdown.RenderedMarkdown;

@Stateless
public class WikiServiceBean implements WikiService {

    /** A first heading that is one identifier (e.g. {@code # NodeRAIDDegraded}) names the alert a runbook covers. */
    private static final Pattern ALERT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_:]{2,}");
    private static final int MAX_LIST = 5_000;

    @Inject
    WikiRepository wiki;

    @Inject
    PersonRepository people;

    @Inject
    TicketRepository tickets;

    @Inject
    AttachmentContents contents;

    @Inject
    AlertRepository alerts;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    Event<PageChanged> events;

    @Override
    public PageView get(String path) {
        PagePath p = PagePath.of(path);
        WikiPage page = find(p);
        return view(page, page.path().equals(p) ? null : p.value(), false);
    }

    @Override
    public List<PageSummary> list(String prefix, int limit) {
        String pre = prefix == null || prefix.isBlank() ? null : PagePath.of(prefix).value();
        return wiki.under(pre, Math.max(1, Math.min(limit, MAX_LIST))).stream().map(WikiServiceBean::summary)
                .toList();
    }

    @Override
    public Folder folder(String dir) {
        String d;
        try {
            d = dir == null || dir.isBlank() || dir.strip().replaceAll("/", "").isEmpty() ? ""
                    : PagePath.of(dir.strip().replaceAll("^/+|/+$", "")).value();
        } catch (DomainException notAPath) {
            return new Folder(dir, List.of(), List.of()); // nothing lies under what is no path
        }
        String prefix = d.isEmpty() ? "" : d + "/";
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        List<String> here = new ArrayList<>();
        // paths only (short strings), however many pages: the folder counts need every one under the folder
        for (String path : wiki.pathsUnder(d.isEmpty() ? null : d)) {
            int slash = path.indexOf('/', prefix.length());
            if (slash < 0) {
                here.add(path);
            } else {
                counts.merge(path.substring(prefix.length(), slash), 1L, Long::sum);
            }
        }
        List<FolderEntry> folders = counts.entrySet().stream()
                .map(e -> new FolderEntry(prefix + e.getKey(), e.getKey(), e.getValue())).toList();
        List<PageSummary> pages = wiki.atPaths(here.size() > MAX_LIST ? here.subList(0, MAX_LIST) : here).stream()
                .map(WikiServiceBean::summary).toList();
        return new Folder(d, folders, pages);
    }

    @Override
    public PageView save(String path, SaveCommand c, Caller caller) {
        Person agent = Agents.require(people, caller);
        PagePath p = PagePath.of(path);
        if (c == null || c.markdown() == null) {
            throw DomainException.invalid("markdown_required", "Send the page text as 'markdown' (it may be empty).");
        }
        WikiPage.validMarkdown(c.markdown()); // before the text is parsed: a huge one would take the heap
        if (MergeResult.hasMarkers(c.markdown())) {
            throw DomainException.invalid("unresolved_conflict", "The text still holds a conflict between '"
                    + MergeResult.MINE_MARKER + "' and '" + MergeResult.THEIRS_MARKER + "': keep what should stay"
                    + " of both versions and remove the three marker lines.");
        }
        Instant now = clock.instant();
        Optional<WikiPage> existing = wiki.resolve(p);
        if (existing.isEmpty()) {
            if (c.baseRevision() != null && c.baseRevision() > 0) {
                throw new NotFoundException("page_not_found", "There is no page " + p
                        + " to change; save without baseRevision to create it.");
            }
            p.forANewPage();
            RenderedMarkdown r = render(p.value(), c.markdown());
            PageRevision first = WikiPage.create(p, title(c.title(), r, p), c.markdown(), references(r), agent.login(),
                    c.comment(), now);
            wiki.add(first);
            flushOrConflict(p);
            events.fire(new PageChanged(p.value(), null, now));
            return view(first.page(), null, false);
        }
        WikiPage page = existing.get();
        wiki.lockForUpdate(page);
        Integer base = c.baseRevision();
        if (base == null) {
            throw DomainException.conflict("base_revision_required", "Page " + page.path() + " exists (revision "
                    + page.revision() + "); send the revision your edit started from as baseRevision.");
        }
        if (base < 1 || base > page.revision()) {
            throw DomainException.invalid("invalid_base_revision", "baseRevision must be between 1 and "
                    + page.revision() + " for page " + page.path() + ".");
        }
        String markdown = c.markdown();
        String comment = c.comment();
        boolean merged = false;
        if (base != page.revision()) {
            PageRevision baseRev = revisionOf(page, base);
            MergeResult m = ThreeWayMerge.merge(baseRev.markdown(), markdown, page.markdown());
            if (!m.clean()) {
                throw new WikiConflictException(page.path().value(), base, page.revision(), page.markdown(), markdown,
                        m.marked(), m.conflicts().stream().map(x -> new WikiConflictException.Conflict(x.baseStartLine(),
                                x.base(), x.mine(), x.theirs())).toList());
            }
            markdown = WikiPage.validMarkdown(m.merged()); // two edits each within the limit may merge beyond it
            merged = true;
            String note = "merged with revision " + page.revision();
            comment = comment == null || comment.isBlank() ? note : comment.strip() + " (" + note + ")";
        }
        RenderedMarkdown r = render(page.path().value(), markdown);
        String title = title(c.title(), r, page.path()); // merged or not, from the text saved
        Optional<PageRevision> rev = page.revise(title, markdown, references(r), agent.login(), comment, now);
        if (rev.isPresent()) {
            wiki.add(rev.get(), true);
            events.fire(new PageChanged(page.path().value(), null, now));
        }
        return view(page, null, merged);
    }

    @Override
    public String preview(String path, String markdown) {
        String p = path == null || path.isBlank() ? "preview" : PagePath.of(path).value();
        return render(p, markdown == null ? "" : WikiPage.validMarkdown(markdown)).html();
    }

    @Override
    public String template(String path) {
        PagePath p = PagePath.of(path);
        String title = PagePaths.lastSegment(p.value()).replace('-', ' ');
        return p.isRunbook() ? Templates.runbook(title) : "# " + title + "\n\n";
    }

    @Override
    public List<RevisionSummary> revisions(String path) {
        WikiPage page = find(PagePath.of(path));
        return wiki.revisions(page).stream().map(r -> new RevisionSummary(r.number(), r.title(), r.path(),
                r.author(), r.comment(), r.createdAt(), r.markdown().length())).toList();
    }

    @Override
    public RevisionView revision(String path, int number) {
        WikiPage page = find(PagePath.of(path));
        PageRevision r = revisionOf(page, number);
        return new RevisionView(page.path().value(), r.number(), r.title(), r.markdown(),
                render(page.path().value(), r.markdown()).html(), r.author(), r.comment(), r.createdAt());
    }

    @Override
    public DiffView diff(String path, int from, int to) {
        WikiPage page = find(PagePath.of(path));
        PageRevision a = revisionOf(page, from);
        PageRevision b = revisionOf(page, to);
        List<DiffLineView> lines = PageDiff.diff(a.markdown(), b.markdown()).stream()
                .map(l -> new DiffLineView(l.kind().name().toLowerCase(Locale.ROOT), l.oldNumber(), l.newNumber(),
                        l.oldHtml(), l.newHtml()))
                .toList();
        return new DiffView(page.path().value(), from, to, lines,
                PageDiff.unified(a.markdown(), b.markdown(), "revision " + from, "revision " + to));
    }

    @Override
    public PageView restore(String path, int number, Caller caller) {
        Person agent = Agents.require(people, caller);
        WikiPage page = find(PagePath.of(path));
        wiki.lockForUpdate(page);
        PageRevision old = revisionOf(page, number);
        Instant now = clock.instant();
        RenderedMarkdown r = render(page.path().value(), old.markdown());
        page.restore(old, references(r), agent.login(), now).ifPresent(rev -> {
            wiki.add(rev, true);
            events.fire(new PageChanged(page.path().value(), null, now));
        });
        return view(page, null, false);
    }

    @Override
    public PageView move(String path, String to, Caller caller) {
        Person agent = Agents.require(people, caller);
        WikiPage page = find(PagePath.of(path));
        if (to == null || to.isBlank()) {
            throw DomainException.invalid("target_required", "Say where to move the page: {\"to\": \"new/path\"}.");
        }
        PagePath target = PagePath.of(to).forANewPage();
        // one writer of a page's revisions at a time, as for a save: a move numbers a revision too
        wiki.lockForUpdate(page);
        if (wiki.byPath(target).isPresent()) {
            throw DomainException.conflict("page_exists", "There is a page at " + target + " already.");
        }
        wiki.redirect(target).ifPresent(wiki::remove);
        PagePath from = page.path();
        Instant now = clock.instant();
        PageRevision rev = page.moveTo(target, agent.login(), now);
        wiki.add(new PageRedirect(from, page, now));
        wiki.add(rev, false);
        flushOrConflict(target);
        events.fire(new PageChanged(target.value(), from.value(), now));
        return view(page, null, false);
    }

    @Override
    public List<PageSummary> backlinks(String path) {
        WikiPage page = find(PagePath.of(path));
        List<String> names = new ArrayList<>(wiki.redirectsTo(page));
        names.add(page.path().value());
        return wiki.referring(PageReference.Kind.PAGE, names).stream().filter(p -> !p.id().equals(page.id()))
                .map(WikiServiceBean::summary).toList();
    }

    @Override
    public List<BrokenLink> brokenLinks() {
        return wiki.brokenLinks().stream().map(row -> new BrokenLink((String) row[0], (String) row[1])).toList();
    }

    @Override
    public RunbookCoverage runbookCoverage() {
        Set<String> covered = new HashSet<>(wiki.coveredAlerts());
        List<String> seen = alerts.alertNames();
        Set<String> seenLower = new HashSet<>();
        seen.forEach(s -> seenLower.add(s.toLowerCase(Locale.ROOT)));
        Set<Long> pointedAt = new HashSet<>();
        List<String> dangling = new ArrayList<>();
        for (String url : alerts.runbookUrls()) {
            List<WikiPage> pages = pagesOfRunbookUrl(RunbookUrl.of(url));
            pages.forEach(p -> pointedAt.add(p.id()));
            if (pages.isEmpty()) {
                dangling.add(url);
            }
        }
        List<PageSummary> orphans = wiki.under("runbooks", MAX_LIST).stream()
                .filter(p -> !pointedAt.contains(p.id()) && p.references().stream().noneMatch(
                        r -> r.kind() == PageReference.Kind.ALERT && seenLower.contains(r.target())))
                .map(WikiServiceBean::summary).toList();
        List<String> uncovered = seen.stream().filter(a -> !covered.contains(a.toLowerCase(Locale.ROOT))).toList();
        return new RunbookCoverage(orphans, uncovered, dangling);
    }

    /**
     * The pages a runbook URL names: the page a link into this wiki opens (or the page moved from there), else the
     * pages whose last segment matches an external URL's ({@code …/alerts/etcdNoLeader.md} names {@code
     * …/etcdnoleader}). See {@link RunbookUrl}.
     */
    private List<WikiPage> pagesOfRunbookUrl(RunbookUrl runbook) {
        try {
            Optional<String> inWiki = runbook.wikiPath();
            if (inWiki.isPresent()) {
                return wiki.resolve(PagePath.of(inWiki.get())).map(List::of).orElse(List.of());
            }
            return runbook.lastSegment().map(last -> wiki.byLastSegment(PagePaths.normalize(last))).orElse(List.of());
        } catch (IllegalArgumentException | DomainException e) {
            return List.of(); // names no possible page
        }
    }

    @Override
    public List<PageSummary> runbooksFor(List<String> alertNames, List<String> hostNames, Long ticketNumber) {
        Map<Long, WikiPage> found = new LinkedHashMap<>();
        List<String> a = alertNames == null ? List.of()
                : alertNames.stream().filter(s -> s != null && !s.isBlank())
                        .map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        wiki.referring(PageReference.Kind.ALERT, a).forEach(p -> found.putIfAbsent(p.id(), p));
        List<String> h = hostNames == null ? List.of()
                : hostNames.stream().filter(s -> s != null && !s.isBlank())
                        .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        wiki.referring(PageReference.Kind.HOST, h).forEach(p -> found.putIfAbsent(p.id(), p));
        if (ticketNumber != null) {
            wiki.referring(PageReference.Kind.TICKET, List.of(ticketNumber.toString()))
                    .forEach(p -> found.putIfAbsent(p.id(), p));
        }
        return found.values().stream().map(WikiServiceBean::summary).toList();
    }

    @Override
    public TicketRunbooks runbooksForTicket(long ticketNumber, Caller caller) {
        Agents.require(people, caller);
        long number = tickets.resolve(ticketNumber).orElseThrow(() -> NotFoundException.ticket(ticketNumber)).number();
        Map<String, PageSummary> found = new LinkedHashMap<>();
        List<String> links = new ArrayList<>();
        for (String url : alerts.runbookUrlsOf(number)) {
            RunbookUrl runbook = RunbookUrl.of(url);
            List<WikiPage> pages = pagesOfRunbookUrl(runbook);
            pages.forEach(p -> found.putIfAbsent(p.path().value(), summary(p)));
            // a link into a wiki.xhtml that names no page here (another OpsDesk's, or a page not written yet) stays
            // a link rather than vanishing
            (pages.isEmpty() ? runbook.webLink() : runbook.externalLink()).ifPresent(links::add);
        }
        runbooksFor(alerts.alertNamesOf(number), alerts.hostNamesOf(number), number)
                .forEach(p -> found.putIfAbsent(p.path(), p));
        return new TicketRunbooks(List.copyOf(found.values()), List.copyOf(links));
    }

    /**
     * One import at a time: each may hold up to 200 MB of unpacked files (an archive's limit) while it runs, and a
     * few at once could fill the heap. A second import waits for the first a while.
     */
    private static final Semaphore IMPORTS = new Semaphore(1);
    private static final long IMPORT_WAIT_SECONDS = 30;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    public ImportReport importArchive(InputStream archive, String into, Caller caller) {
        Person agent = Agents.require(people, caller);
        try {
            if (!IMPORTS.tryAcquire(IMPORT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw DomainException.conflict("import_running", "Another wiki import has been running for "
                        + IMPORT_WAIT_SECONDS + " seconds; send this one again when it has ended.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another import", e);
        }
        try {
            // held until the transaction ends: its pages and files are written at the commit, after this returns
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing to do before
                }

                @Override
                public void afterCompletion(int status) {
                    IMPORTS.release();
                }
            });
        } catch (RuntimeException e) {
            IMPORTS.release();
            throw e;
        }
        return importNow(archive, into, agent);
    }

    private ImportReport importNow(InputStream archive, String into, Person agent) {
        long started = System.nanoTime();
        String prefix = into == null || into.isBlank() ? "" : PagePath.of(into).value();
        List<ArchiveEntry> entries;
        try {
            // no file larger than an attachment may be is held (pages are far smaller)
            entries = MarkdownArchive.read(archive, settings.maxAttachmentBytes());
        } catch (IOException e) {
            throw DomainException.invalid("bad_archive", "The import could not be read: " + e.getMessage());
        }
        ImportPlan plan = MarkdownImporter.plan(entries, prefix);
        Instant now = clock.instant();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (ImportedPage ip : plan.pages()) {
            PagePath p = PagePath.of(ip.path());
            RenderedMarkdown r = render(p.value(), ip.markdown());
            Optional<WikiPage> existing = wiki.byPath(p);
            if (existing.isEmpty()) {
                // a page of its own now where an old path led elsewhere, as when a page is moved here
                wiki.redirect(p).ifPresent(wiki::remove);
                wiki.add(WikiPage.create(p, title(ip.title(), r, p), ip.markdown(), references(r), agent.login(),
                        "Imported", now));
                created++;
            } else {
                wiki.lockForUpdate(existing.get()); // as a save does: one writer of the page's revisions at a time
                Optional<PageRevision> rev = existing.get().revise(title(ip.title(), r, p), ip.markdown(),
                        references(r), agent.login(), "Re-imported", now);
                rev.ifPresent(x -> wiki.add(x, false));
                if (rev.isPresent()) {
                    updated++;
                } else {
                    unchanged++;
                }
            }
            events.fire(new PageChanged(p.value(), null, now));
        }
        int files = 0;
        for (Map.Entry<String, byte[]> f : plan.attachments().entrySet()) {
            String pagePath = PagePaths.parent(f.getKey());
            String name = PagePaths.lastSegment(f.getKey());
            Optional<WikiPage> page = wiki.byPath(PagePath.of(pagePath));
            if (page.isPresent() && f.getValue().length <= settings.maxAttachmentBytes()) {
                store(page.get(), name, contentType(name), f.getValue(), agent.login(), now);
                files++;
            }
        }
        List<String> skipped = new ArrayList<>(plan.skipped());
        return new ImportReport(created, updated, unchanged, files, skipped, (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void export(String prefix, OutputStream out) {
        String pre = prefix == null || prefix.isBlank() ? null : PagePath.of(prefix).value();
        List<ExportedPage> pages = new ArrayList<>();
        for (WikiPage page : wiki.under(pre, Integer.MAX_VALUE)) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            wiki.attachments(page).forEach(a -> files.put(a.fileName(), a.content().bytes()));
            pages.add(new ExportedPage(page.path().value(), page.markdown(), files));
        }
        Map<String, byte[]> files = MarkdownExporter.files(pages);
        try {
            MarkdownArchive.writeZip(files, out);
        } catch (IOException e) {
            throw new UncheckedIOException("export could not be written", e);
        }
    }

    @Override
    public AttachmentView attach(String path, String fileName, String contentType, byte[] bytes, Caller caller) {
        Person agent = Agents.require(people, caller);
        WikiPage page = find(PagePath.of(path));
        if (bytes == null || bytes.length == 0) {
            throw DomainException.invalid("attachment_empty", "The upload has no content.");
        }
        if (bytes.length > settings.maxAttachmentBytes()) {
            throw new AttachmentTooLargeException(fileName, bytes.length, settings.maxAttachmentBytes());
        }
        String name = Attachment.safeFilename(fileName);
        String type = contentType == null || contentType.isBlank() ? contentType(name) : contentType;
        return view(store(page, name, type, bytes, agent.login(), clock.instant()));
    }

    @Override
    public List<AttachmentView> attachments(String path) {
        return wiki.attachments(find(PagePath.of(path))).stream().map(WikiServiceBean::view).toList();
    }

    @Override
    public AttachmentData attachment(String path, String fileName) {
        WikiPage page = find(PagePath.of(path));
        PageAttachment a = wiki.attachment(page, fileName).orElseThrow(() -> new NotFoundException(
                "attachment_not_found", "Page " + page.path() + " has no attachment '" + fileName + "'."));
        return new AttachmentData(a.fileName(), a.contentType(), a.content().bytes());
    }

    private PageAttachment store(WikiPage page, String name, String type, byte[] bytes, String by, Instant now) {
        AttachmentContent content = contents.stored(bytes);
        Optional<PageAttachment> existing = wiki.attachment(page, name);
        if (existing.isPresent()) {
            existing.get().replace(type, content, by, now);
            return existing.get();
        }
        PageAttachment a = new PageAttachment(page, name, type, content, by, now);
        wiki.add(a);
        return a;
    }

    private static String contentType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".png")) {
            return "image/png";
        }
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (n.endsWith(".gif")) {
            return "image/gif";
        }
        if (n.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (n.endsWith(".txt") || n.endsWith(".md") || n.endsWith(".sh")) {
            return "text/plain";
        }
        return "application/octet-stream";
    }

    @Override
    public List<PageSummary> responses() {
        return folder(Templates.RESPONSES).pages().stream()
                .sorted(java.util.Comparator.comparing(PageSummary::title, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    @Override
    public String responseText(String path) {
        PagePath p;
        try {
            p = PagePath.of(path == null ? "" : path);
        } catch (DomainException notAPath) {
            p = null;
        }
        java.util.Optional<WikiPage> page = p == null || !Templates.isResponse(p.value()) ? java.util.Optional.empty()
                : responsePage(p);
        return Templates.responseText(page.orElseThrow(() -> new NotFoundException("response_not_found",
                "There is no response page '" + path + "'; responses are the wiki pages in the folder "
                        + Templates.RESPONSES + "/.")).markdown());
    }

    /** The longest canned response text a ticket page carries. */
    static final int MAX_RESPONSE_TEXT = 20_000;

    @Override
    public List<ResponseText> responseTexts() {
        List<ResponseText> texts = new ArrayList<>();
        for (PageSummary p : responses().stream().limit(100).toList()) {
            // a page moved or deleted since the listing is left out (never a failing ticket page)
            responsePage(PagePath.of(p.path())).ifPresent(found -> {
                String text = Templates.responseText(found.markdown());
                texts.add(new ResponseText(p.path(), p.title(), text.length() > MAX_RESPONSE_TEXT
                        ? text.substring(0, MAX_RESPONSE_TEXT) : text));
            });
        }
        return texts;
    }

    /**
     * The page at {@code p}, if it is a response as found: a page moved out of the folder is none, whatever its old
     * path.
     */
    private java.util.Optional<WikiPage> responsePage(PagePath p) {
        return wiki.resolve(p).filter(found -> Templates.isResponse(found.path().value()));
    }

    private WikiPage find(PagePath p) {
        return wiki.resolve(p).orElseThrow(() -> new NotFoundException("page_not_found", "There is no page " + p
                + "; PUT /api/wiki/pages/" + p + " with {\"markdown\": ...} creates it."));
    }

    private PageRevision revisionOf(WikiPage page, int number) {
        return wiki.revision(page, number).orElseThrow(() -> new NotFoundException("revision_not_found",
                "Page " + page.path() + " has revisions 1 to " + page.revision() + ", not " + number + "."));
    }

    private void flushOrConflict(PagePath p) {
        try {
            wiki.flush();
        } catch (RuntimeException e) {
            if (ConstraintViolations.isViolation(e)) {
                throw DomainException.conflict("page_exists", "Page " + p + " was created meanwhile; load it and"
                        + " save again with its revision as baseRevision.");
            }
            throw e;
        }
    }

    /** Renders the page's Markdown, resolving its wiki links against the pages and redirects that exist. */
    private RenderedMarkdown render(String path, String markdown) {
        MarkdownRenderer renderer = MarkdownRenderer.instance();
        Set<String> existing = wiki.existing(renderer.wikiLinks(markdown));
        return renderer.render(markdown, new Links(path, existing));
    }

    private static Set<PageReference> references(RenderedMarkdown r) {
        Set<PageReference> refs = new LinkedHashSet<>();
        r.wikiLinks().forEach(p -> refs.add(PageReference.page(p)));
        r.ticketRefs().forEach(n -> refs.add(PageReference.ticket(n)));
        r.hostRefs().forEach(h -> refs.add(PageReference.host(h)));
        r.frontMatter().alerts().forEach(a -> refs.add(PageReference.alert(a)));
        // a Nagios or Icinga alert's name is its service ("Disk /var"): a page naming the service covers it
        r.frontMatter().services().forEach(service -> refs.add(PageReference.alert(service)));
        if (r.firstHeading() != null && ALERT_NAME.matcher(r.firstHeading().strip()).matches()) {
            refs.add(PageReference.alert(r.firstHeading().strip()));
        }
        return refs;
    }

    private static String title(String given, RenderedMarkdown r, PagePath p) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        if (r.frontMatter().title() != null && !r.frontMatter().title().isBlank()) {
            return r.frontMatter().title();
        }
        if (r.firstHeading() != null && !r.firstHeading().isBlank()) {
            return r.firstHeading();
        }
        return PagePaths.lastSegment(p.value());
    }

    private PageView view(WikiPage page, String redirectedFrom, boolean merged) {
        RenderedMarkdown r = render(page.path().value(), page.markdown());
        FrontMatter fm = r.frontMatter();
        return new PageView(page.path().value(), page.title(), page.revision(), page.markdown(), r.html(),
                r.toc().stream().map(h -> new TocEntry(h.level(), h.text(), h.anchor())).toList(),
                new FrontMatterView(fm.tags(), fm.owner(), fm.reviewed(), fm.alerts(), fm.services()),
                page.createdAt(), page.updatedAt(), page.updatedBy(), redirectedFrom, merged);
    }

    private static PageSummary summary(WikiPage p) {
        return new PageSummary(p.path().value(), p.title(), p.revision(), p.updatedAt(), p.updatedBy());
    }

    private static AttachmentView view(PageAttachment a) {
        return new AttachmentView(a.fileName(), a.contentType(), a.size(), a.uploadedBy(), a.createdAt());
    }

    /** Links of rendered pages point at the agent UI; a page's images at its attachments. */
    private record Links(String pagePath, Set<String> existing) implements LinkResolver {

        @Override
        public boolean pageExists(String path) {
            return existing.contains(path);
        }

        @Override
        public String pageUrl(String path) {
            return "/wiki.xhtml?path=" + enc(path);
        }

        @Override
        public String newPageUrl(String path) {
            return "/wiki-edit.xhtml?path=" + enc(path);
        }

        @Override
        public String ticketUrl(long number) {
            return "/ticket.xhtml?n=" + number;
        }

        @Override
        public String hostUrl(String hostName) {
            return "/host.xhtml?name=" + enc(hostName);
        }

        @Override
        public String attachmentUrl(String fileName) {
            return "/wiki-files/" + pagePath + "/" + enc(fileName).replace("+", "%20");
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%2F", "/");
        }
    }
}
