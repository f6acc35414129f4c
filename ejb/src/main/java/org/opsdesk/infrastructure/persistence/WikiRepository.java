package org.opsdesk.infrastructure.persistence;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.opsdesk.domain.wiki.PageAttachment;
import org.opsdesk.domain.wiki.PagePath;
import org.opsdesk.domain.wiki.PageRedirect;
import org.opsdesk.domain.wiki.PageReference;
import org.opsdesk.domain.wiki.PageRevision;
import org.opsdesk.domain.wiki.WikiPage;

/** Finds and stores wiki pages, their revisions, redirects, references and attachments. */
@ApplicationScoped
public class WikiRepository {

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    public Optional<WikiPage> byPath(PagePath path) {
        return em.createQuery("select p from WikiPage p where p.path = :p", WikiPage.class)
                .setParameter("p", path.value()).getResultStream().findFirst();
    }

    public Optional<WikiPage> byId(long id) {
        return Optional.ofNullable(em.find(WikiPage.class, id));
    }

    /**
     * Locks the page's row until the transaction ends and reloads it: two saves of one page run one after the
     * other, the second seeing the first's revision (and merging with it or refusing with a conflict), instead of
     * both writing the same next revision.
     */
    public void lockForUpdate(WikiPage page) {
        em.refresh(page, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The page at {@code path}, or the page a move left a redirect to there. */
    public Optional<WikiPage> resolve(PagePath path) {
        Optional<WikiPage> page = byPath(path);
        return page.isPresent() ? page : redirect(path).map(PageRedirect::page);
    }

    public Optional<PageRedirect> redirect(PagePath path) {
        return Optional.ofNullable(em.find(PageRedirect.class, path.value()));
    }

    public void add(PageRevision firstRevision) {
        em.persist(firstRevision.page());
        em.persist(firstRevision);
    }

    public void add(PageRevision revision, boolean flush) {
        em.persist(revision);
        if (flush) {
            em.flush();
        }
    }

    public void add(PageRedirect redirect) {
        em.persist(redirect);
    }

    public void flush() {
        em.flush();
    }

    public void remove(PageRedirect redirect) {
        em.remove(redirect);
    }

    /** Which of {@code paths} name a page, or a redirect to one. */
    public Set<String> existing(Collection<String> paths) {
        if (paths.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new HashSet<>(em.createQuery("select p.path from WikiPage p where p.path in :p",
                String.class).setParameter("p", paths).getResultList());
        found.addAll(em.createQuery("select r.fromPath from PageRedirect r where r.fromPath in :p", String.class)
                .setParameter("p", paths).getResultList());
        return found;
    }

    public void add(PageAttachment attachment) {
        em.persist(attachment);
    }

    public List<WikiPage> under(String prefix, int limit) {
        if (prefix == null || prefix.isBlank()) {
            return em.createQuery("select p from WikiPage p order by p.path", WikiPage.class).setMaxResults(limit)
                    .getResultList();
        }
        return em.createQuery("select p from WikiPage p where p.path = :p or p.path like :l escape '!'"
                + " order by p.path", WikiPage.class).setParameter("p", prefix)
                .setParameter("l", like(prefix) + "/%").setMaxResults(limit).getResultList();
    }

    /** The paths of the pages under {@code prefix} (a folder, without its slash; null: all), by path. */
    public List<String> pathsUnder(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return allPaths();
        }
        return em.createQuery("select p.path from WikiPage p where p.path like :l escape '!' order by p.path",
                String.class).setParameter("l", like(prefix) + "/%").getResultList();
    }

    /** The pages at these paths, by path. */
    public List<WikiPage> atPaths(java.util.Collection<String> paths) {
        return paths.isEmpty() ? List.of() : em.createQuery("select p from WikiPage p where p.path in :p order by p.path",
                WikiPage.class).setParameter("p", paths).getResultList();
    }

    public List<String> allPaths() {
        return em.createQuery("select p.path from WikiPage p order by p.path", String.class).getResultList();
    }

    public List<Long> allIds() {
        return em.createQuery("select p.id from WikiPage p order by p.id", Long.class).getResultList();
    }

    public List<PageRevision> revisions(WikiPage page) {
        return em.createQuery("select r from PageRevision r where r.page = :p order by r.number desc",
                PageRevision.class).setParameter("p", page).getResultList();
    }

    public Optional<PageRevision> revision(WikiPage page, int number) {
        return em.createQuery("select r from PageRevision r where r.page = :p and r.number = :n", PageRevision.class)
                .setParameter("p", page).setParameter("n", number).getResultStream().findFirst();
    }

    public List<String> redirectsTo(WikiPage page) {
        return em.createQuery("select r.fromPath from PageRedirect r where r.page = :p order by r.fromPath",
                String.class).setParameter("p", page).getResultList();
    }

    /** Pages whose text refers to any of {@code targets} of {@code kind}. */
    public List<WikiPage> referring(PageReference.Kind kind, Collection<String> targets) {
        if (targets.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select distinct p from WikiPage p join p.references r"
                + " where r.kind = :k and r.target in :t order by p.path", WikiPage.class)
                .setParameter("k", kind).setParameter("t", targets).getResultList();
    }

    /** [from path, to path] of every page link that reaches neither a page nor a redirect. */
    /** Pages whose last path segment is {@code segment} (a runbook URL's file name names its page). */
    public List<WikiPage> byLastSegment(String segment) {
        return em.createQuery("select p from WikiPage p where p.path = :s or p.path like :l escape '!' order by p.path",
                WikiPage.class).setParameter("s", segment).setParameter("l", "%/" + like(segment))
                .setMaxResults(5).getResultList();
    }

    public List<Object[]> brokenLinks() {
        return em.createQuery("select p.path, r.target from WikiPage p join p.references r where r.kind = :k"
                + " and not exists (select 1 from WikiPage q where q.path = r.target)"
                + " and not exists (select 1 from PageRedirect d where d.fromPath = r.target)"
                + " order by p.path, r.target", Object[].class).setParameter("k", PageReference.Kind.PAGE)
                .getResultList();
    }

    /** Lower-cased alert names that some page covers. */
    public List<String> coveredAlerts() {
        return em.createQuery("select distinct r.target from WikiPage p join p.references r where r.kind = :k",
                String.class).setParameter("k", PageReference.Kind.ALERT).getResultList();
    }

    public List<PageAttachment> attachments(WikiPage page) {
        return em.createQuery("select a from PageAttachment a where a.page = :p order by a.fileName",
                PageAttachment.class).setParameter("p", page).getResultList();
    }

    public Optional<PageAttachment> attachment(WikiPage page, String fileName) {
        return em.createQuery("select a from PageAttachment a join fetch a.content where a.page = :p"
                + " and a.fileName = :f", PageAttachment.class).setParameter("p", page).setParameter("f", fileName)
                .getResultStream().findFirst();
    }

    private static String like(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
