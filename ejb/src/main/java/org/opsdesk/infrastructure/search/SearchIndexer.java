package org.opsdesk.infrastructure.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedExecutors;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedTask;
import jakarta.inject.Inject;

import org.opsdesk.infrastructure.config.Settings;
import org.opsdesk.search.DocType;
import org.opsdesk.search.PageDocument;
import org.opsdesk.search.RebuildToken;
import org.opsdesk.search.SearchIndex;
import org.opsdesk.search.TicketDocument;
import org.opsdesk.search.lucene.LuceneSearchIndex;

/**
 * Owns the one search index (under {@code OPSDESK_DATA_DIR/index}) and keeps it in step with the database:
 * drains the search outbox at once after a commit (and every second, for anything a crash left behind), and
 * rebuilds it from the database when asked, or at start when it is missing or of an older schema. Searches go on
 * during a rebuild: documents are replaced in place and stale ones dropped at the end.
 */
@Singleton
@Startup
@DependsOn("Startup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SearchIndexer {

    /** Progress of the last (or the running) rebuild. */
    public record RebuildStatus(boolean running, long done, long total, Instant startedAt, Instant finishedAt,
            String error) {
    }

    private static final Logger LOG = Logger.getLogger(SearchIndexer.class.getName());
    private static final long TICK_MILLIS = 1000;
    private static final int BATCH = 500;
    /** Rows indexed in one drain before it commits them (a backlog's drain reads many batches). */
    static final int MAX_UNCOMMITTED = 5_000;
    /** The least time between two drains after commits (see {@link #kick()}) while changes come one by one. */
    private static final long GATHER_MILLIS = 200;
    /** The least time between two drains after commits while they come in a stream (see {@link #kick()}). */
    private static final long STREAM_GATHER_MILLIS = 500;
    /** The fewest documents drained in a second for the changes to count as a stream (see {@link #kick()}). */
    private static final int STREAM_DOCUMENTS_PER_SECOND = 20;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @EJB
    SearchDocuments documents;

    @EJB
    SearchIndexer self;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    private Path dir;
    private ScheduledFuture<?> ticking;
    private volatile SearchIndex index;
    private volatile boolean closed;
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    private final AtomicBoolean draining = new AtomicBoolean();
    /** Outbox rows indexed and searchable, not yet in a durable commit (touched by the one running drain only). */
    private final java.util.Set<Long> uncommitted = new java.util.LinkedHashSet<>();
    /**
     * What the drain indexed or deleted while a rebuild ran: the rebuild may write an older copy it had read before
     * (a merged ticket came back for good, a moved page's old path, an unlinked host), so these are queued again
     * once it is done, for the drain to read as they are then.
     */
    private final java.util.Set<Long> ticketsDuringRebuild = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> pagesDuringRebuild = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicBoolean again = new AtomicBoolean();
    /** Whether a tick asked to drain while another drain ran (see {@link #drain(boolean)}). */
    private final AtomicBoolean tickWanted = new AtomicBoolean();
    /** Whether a kick waits to drain (see {@link #kick()}). */
    private final AtomicBoolean kickPending = new AtomicBoolean();
    /** When the last drain started, in {@link System#nanoTime()}. */
    private volatile long lastDrainStart = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);
    /** When the current second of counting drained documents began (touched by the one running drain only). */
    private long countSince = System.nanoTime();
    /** Tickets and pages indexed or dropped since {@link #countSince} (touched by the one running drain only). */
    private int countedDocuments;
    /** Whether changes came in a stream during the last second counted (see {@link #kick()}). */
    private volatile boolean stream;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final AtomicLong rebuildDone = new AtomicLong();
    private final AtomicReference<RebuildStatus> lastRebuild = new AtomicReference<>(
            new RebuildStatus(false, 0, 0, null, null, null));

    @PostConstruct
    void open() {
        dir = settings.dataDir().resolve("index");
        index = LuceneSearchIndex.open(dir, executor);
        LOG.info(() -> "Search index at " + dir);
        // a managed task rather than an EJB timer: a timer firing while the application stops is refused by the
        // container with an ERROR at every shutdown; this task is cancelled first, and stays quiet once closed
        ticking = scheduler.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        if (index.isEmptyOrOutdated()) {
            startRebuild();
        }
    }

    @PreDestroy
    void close() {
        closed = true;
        if (ticking != null) {
            ticking.cancel(false);
        }
        index.close();
    }

    /**
     * Runs a search, count or suggestion on the index. Reads share a lock that only swapping in a new index (its
     * directory vanished) takes exclusively, so no reader meets a closed index.
     */
    public <T> T read(Function<SearchIndex, T> query) {
        swap.readLock().lock();
        try {
            return query.apply(index);
        } finally {
            swap.readLock().unlock();
        }
    }

    /** Every second: drains what a crash or a missed kick left in the outbox, and notices a vanished index. */
    private void tick() {
        if (closed) {
            return;
        }
        try {
            if (!Files.isDirectory(dir)) {
                LOG.severe(() -> "The search index directory " + dir + " is gone: creating it again and rebuilding");
                startRebuild();
            }
            drain(true);
        } catch (RuntimeException e) {
            // a failed tick must not end the schedule; the next one tries again
            if (!closed) {
                LOG.log(Level.WARNING, "Search outbox tick failed; the next one goes on", e);
            }
        }
    }

    /**
     * Opens a new index when the directory vanished (deleted by hand, a lost volume). The old one is closed first:
     * Lucene allows one writer per path in a JVM, and the old writer still holds the path's lock.
     */
    private void reopenIfGone() {
        swap.writeLock().lock();
        try {
            if (Files.isDirectory(dir)) {
                return;
            }
            try {
                index.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing the index whose directory is gone", e);
            }
            index = LuceneSearchIndex.open(dir, executor);
        } finally {
            swap.writeLock().unlock();
        }
    }

    /**
     * After a commit that changed something searchable: index it without waiting for the next tick. Drains are at
     * least {@value #GATHER_MILLIS} ms apart (see {@link #gather()}), and the commits meanwhile ride along: under a
     * stream of changes the searchers are refreshed a few times a second instead of once per commit, each refresh
     * writing a small segment that must later be merged. While the drains of the last second found {@value
     * #STREAM_DOCUMENTS_PER_SECOND} documents or more (mail arriving at 100 a second), drains are {@value
     * #STREAM_GATHER_MILLIS} ms apart: in-process, a refresh every 50 tickets cost 1.4 ms of CPU per ticket (writing
     * and merging), every 20 tickets 1.7-2.1 ms, all in one segment 0.7-0.9 ms. A change in a stream waits half a
     * second at most before its drain starts, so it is searchable within a second while drains take less than half
     * of one (a rebuild's refreshes, which write out its buffer, can take longer); a change alone, a second or more
     * after a stream, waits {@value #GATHER_MILLIS} ms at most.
     */
    @Asynchronous
    public void kick() {
        if (!kickPending.compareAndSet(false, true)) {
            return; // the kick that is waiting reads this commit's changes too
        }
        try {
            gather();
        } finally {
            kickPending.set(false);
        }
        drain(false);
    }

    /**
     * Waits until {@value #GATHER_MILLIS} ms after the last drain started, or {@value #STREAM_GATHER_MILLIS} ms in a
     * stream of changes.
     */
    private void gather() {
        long gather = stream ? STREAM_GATHER_MILLIS : GATHER_MILLIS;
        long wait = TimeUnit.MILLISECONDS.toNanos(gather) - (System.nanoTime() - lastDrainStart);
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /**
     * Indexes every outbox entry and makes it searchable at once. A drain asked for while one runs is not lost: once
     * done, the running one does a tick's at once, or hands a kick's to {@link #kick()}, which keeps drains apart.
     * The outbox rows are deleted only once a durable commit holds their documents ({@code
     * commit}, the once-a-second tick): a crash before that leaves them to be indexed again, so nothing is lost, and
     * the commit's fsync stays off the path that makes a change searchable.
     */
    public void drain(boolean commit) {
        if (closed) {
            return;
        }
        // asked for before trying to drain: a drain that ends meanwhile sees it when it looks after clearing its
        // flag (set after a failed try, it could come just after that look and wait for the next tick)
        if (commit) {
            tickWanted.set(true);
        }
        again.set(true);
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        long start = System.nanoTime();
        lastDrainStart = start;
        if (start - countSince >= TimeUnit.SECONDS.toNanos(1)) {
            stream = countedDocuments >= STREAM_DOCUMENTS_PER_SECOND * (start - countSince) / 1e9;
            countSince = start;
            countedDocuments = 0;
        }
        boolean tick = tickWanted.getAndSet(false);
        try {
            // before reading: what was asked for until now is committed, so this drain reads it
            again.set(false);
            if (tick) {
                commitIndexed();
            }
            SearchDocuments.Batch batch;
            while (!(batch = documents.nextBatch(uncommitted, BATCH)).isEmpty()) {
                countedDocuments += batch.tickets().size() + batch.pages().size() + batch.goneTickets().size()
                        + batch.gonePages().size();
                SearchIndex target = index;
                boolean duringRebuild = rebuilding.get();
                // noted before it is written: a rebuild that ends in between must still queue it again
                for (TicketDocument t : batch.tickets()) {
                    if (duringRebuild) {
                        ticketsDuringRebuild.add(t.number());
                    }
                    indexOne(() -> target.index(t), "ticket " + t.number());
                }
                for (PageDocument p : batch.pages()) {
                    if (duringRebuild) {
                        pagesDuringRebuild.add(p.path());
                    }
                    indexOne(() -> target.index(p), "page " + p.path());
                }
                for (String n : batch.goneTickets()) {
                    if (duringRebuild) {
                        ticketsDuringRebuild.add(Long.parseLong(n));
                    }
                    target.delete(DocType.TICKET, n);
                }
                for (String p : batch.gonePages()) {
                    if (duringRebuild) {
                        pagesDuringRebuild.add(p);
                    }
                    target.delete(DocType.PAGE, p);
                }
                target.publish();
                uncommitted.addAll(batch.entryIds());
                if (uncommitted.size() >= MAX_UNCOMMITTED) {
                    // a backlog: every batch read skips the rows indexed and not yet committed, and that list grew
                    // with the backlog until its query passed PostgreSQL's 65,535 parameters, failed, and started
                    // again from the oldest row, never catching up
                    commitIndexed();
                }
            }
            if (tick) {
                commitIndexed();
            }
        } catch (RuntimeException e) {
            // start again from the oldest row still in the outbox
            uncommitted.clear();
            if (!closed && !shuttingDown(e)) {
                LOG.log(Level.WARNING, "Search outbox drain stopped; the next tick goes on", e);
            }
        } finally {
            draining.set(false);
        }
        if (tickWanted.get()) {
            drain(true);
        } else if (again.getAndSet(false) && !closed) {
            self.kick();
        }
    }

    /**
     * Whether a drain failed because the server is stopping the application (a bean it calls was stopped before this
     * one's {@code @PreDestroy} ran): nothing is lost, the outbox rows stay for the next start.
     */
    private static boolean shuttingDown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("ComponentIsStoppedException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Indexes one document; one that the index refuses (Lucene's IllegalArgumentException: a value beyond what a term
     * may hold) is left out with a warning instead of failing every drain from then on, its outbox row and all after
     * it never done (and every rebuild after it).
     */
    private static void indexOne(Runnable index, String what) {
        try {
            index.run();
        } catch (IllegalArgumentException refused) {
            LOG.log(Level.WARNING, "The search index refused " + what + "; it is left out until it changes", refused);
        }
    }

    /** Makes what was indexed durable, then forgets its outbox rows. */
    private void commitIndexed() {
        if (!uncommitted.isEmpty()) {
            index.refresh();
            documents.done(List.copyOf(uncommitted));
            uncommitted.clear();
        }
    }

    /** Starts a full rebuild in the background unless one runs; answers whether this call started it. */
    public boolean startRebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        ticketsDuringRebuild.clear();
        pagesDuringRebuild.clear();
        Instant started = clock.instant();
        lastRebuild.set(new RebuildStatus(true, 0, 0, started, null, null));
        try {
            reopenIfGone();
        } catch (RuntimeException e) {
            rebuilding.set(false);
            throw e;
        }
        self.rebuild(started);
        return true;
    }

    /** The rebuild itself, in the background; only {@link #startRebuild()} calls it (it holds the flag). */
    @Asynchronous
    public void rebuild(Instant started) {
        rebuildDone.set(0);
        long total = 0;
        RebuildToken token = null;
        try {
            List<String> paths = documents.pagePaths();
            total = documents.ticketCount() + paths.size();
            lastRebuild.set(new RebuildStatus(true, 0, total, started, null, null));
            token = index.beginRebuild();
            indexTickets(started, total);
            for (int i = 0; i < paths.size(); i += BATCH) {
                List<String> slice = paths.subList(i, Math.min(paths.size(), i + BATCH));
                documents.pages(slice).forEach(p -> indexOne(() -> index.index(p), "page " + p.path()));
                rebuildDone.addAndGet(slice.size());
            }
            index.finishRebuild(token);
            queueAgainWhatChangedMeanwhile();
            long done = rebuildDone.get();
            Instant compacting = clock.instant();
            index.compact(); // all is searchable already; this makes searching faster
            lastRebuild.set(new RebuildStatus(false, done, total, started, clock.instant(), null));
            LOG.info(() -> "Search index rebuilt: " + done + " documents in "
                    + Duration.between(started, compacting).toMillis() + " ms, compacted in "
                    + Duration.between(compacting, clock.instant()).toMillis() + " ms");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Search index rebuild failed", e);
            if (token != null) {
                index.abandonRebuild(token);
                queueAgainWhatChangedMeanwhile();
            }
            lastRebuild.set(new RebuildStatus(false, rebuildDone.get(), total, started, clock.instant(),
                    e.getClass().getSimpleName() + ": " + e.getMessage()));
        } finally {
            rebuilding.set(false);
        }
    }

    /** The documents of the next tickets after number {@code after} (merged ones are not documents). */
    private List<TicketDocument> ticketBatch(long after) {
        long from = after;
        List<Long> numbers;
        while (!(numbers = documents.ticketNumbers(from, BATCH)).isEmpty()) {
            // the next BATCH numbers in order: every ticket between the first and the last
            List<TicketDocument> docs = documents.ticketRange(numbers.get(0), numbers.get(numbers.size() - 1));
            if (!docs.isEmpty()) {
                return docs;
            }
            from = numbers.get(numbers.size() - 1);
        }
        return List.of();
    }

    /**
     * Every ticket into the index: a pool thread reads the batches in order from the database while this thread and
     * another index them (analysis is the cost of indexing; IndexWriter is thread-safe), each taking the next batch as
     * soon as it is done with its last. Before, both halves of a batch were awaited together, and while one thread
     * wrote out the writer's full buffer (seconds, at 256 MB) the other waited: the rebuild used 1.5 of 2 cores.
     */
    private void indexTickets(Instant started, long total) {
        BlockingQueue<List<TicketDocument>> batches = new ArrayBlockingQueue<>(2);
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<?>> helpers = new ArrayList<>();
        // a failure anywhere (an Error too) stops the others, which look at the flag while they wait; it is thrown
        // once every helper has ended, so that none writes into the index after the rebuild gave up
        Throwable failure = null;
        try {
            helpers.add(executor.submit(longRunning(() -> readBatches(batches, failed))));
            helpers.add(executor.submit(longRunning(() -> indexBatches(batches, failed, started, total))));
            indexBatches(batches, failed, started, total);
        } catch (Throwable e) {
            failed.set(true);
            failure = e;
        }
        for (Future<?> helper : helpers) {
            Throwable e = outcome(helper);
            failure = failure == null ? e : failure;
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** Reads the tickets' documents in order, batch by batch, into the queue; then one end mark per indexer. */
    private void readBatches(BlockingQueue<List<TicketDocument>> batches, AtomicBoolean failed) {
        try {
            long last = 0;
            List<TicketDocument> batch;
            while (!failed.get() && !(batch = ticketBatch(last)).isEmpty()) {
                last = batch.get(batch.size() - 1).number();
                hand(batches, batch, failed);
            }
            hand(batches, List.of(), failed);
            hand(batches, List.of(), failed);
        } catch (Throwable e) {
            failed.set(true);
            throw e;
        }
    }

    /** Indexes batches as they come until an empty one (the end) or a failure elsewhere. */
    private void indexBatches(BlockingQueue<List<TicketDocument>> batches, AtomicBoolean failed, Instant started,
            long total) {
        try {
            while (!failed.get()) {
                List<TicketDocument> batch = batches.poll(100, TimeUnit.MILLISECONDS);
                if (batch == null) {
                    continue;
                }
                if (batch.isEmpty()) {
                    return;
                }
                batch.forEach(t -> indexOne(() -> index.index(t), "ticket " + t.number()));
                long done = rebuildDone.addAndGet(batch.size());
                // two threads report: the status only moves forward, and never after the rebuild ended
                lastRebuild.updateAndGet(s -> !s.running() || s.done() >= done ? s
                        : new RebuildStatus(true, done, total, started, null, null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.set(true);
            throw new IllegalStateException("rebuild interrupted", e);
        } catch (Throwable e) {
            failed.set(true);
            throw e;
        }
    }

    /** A task that runs as long as the rebuild: not a hung task to the executor. */
    private static Runnable longRunning(Runnable task) {
        return ManagedExecutors.managedTask(task, Map.of(ManagedTask.LONGRUNNING_HINT, "true"), null);
    }

    /** Waits for a helper to end, through interrupts (restored after): what it threw, or null. */
    private static Throwable outcome(Future<?> helper) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    helper.get();
                    return null;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    return e.getCause();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Puts a batch into the queue, waiting while it is full, unless an indexing thread failed meanwhile. */
    private static void hand(BlockingQueue<List<TicketDocument>> batches, List<TicketDocument> batch,
            AtomicBoolean failed) {
        try {
            while (!failed.get() && !batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                // full: the indexing threads are behind
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.set(true);
            throw new IllegalStateException("rebuild interrupted", e);
        }
    }

    /**
     * A change drained while the rebuild ran may be older in the index now than in the database: the rebuild may
     * have written the copy it had read before (a merged ticket, deleted by the drain, came back for good). Each such
     * document is queued again, for the drain, one at a time with every other, to read as it is now. (Matching by
     * the time of change missed changes that do not touch a ticket's time, such as a host link, and deletions.)
     */
    private void queueAgainWhatChangedMeanwhile() {
        List<Long> tickets = List.copyOf(ticketsDuringRebuild);
        List<String> pages = List.copyOf(pagesDuringRebuild);
        ticketsDuringRebuild.clear();
        pagesDuringRebuild.clear();
        if (!tickets.isEmpty() || !pages.isEmpty()) {
            documents.again(tickets, pages);
            self.kick();
        }
    }

    public RebuildStatus rebuildStatus() {
        return lastRebuild.get();
    }

    public long pending() {
        return documents.pending();
    }
}
