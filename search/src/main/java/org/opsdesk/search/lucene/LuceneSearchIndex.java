package org.opsdesk.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.opsdesk.search.DocType;
import org.opsdesk.search.PageDocument;
import org.opsdesk.search.QuerySyntax;
import org.opsdesk.search.RebuildToken;
import org.opsdesk.search.SearchHit;
import org.opsdesk.search.SearchIndex;
import org.opsdesk.search.SearchRequest;
import org.opsdesk.search.SearchResult;
import org.opsdesk.search.SortOrder;
import org.opsdesk.search.Suggestion;
import org.opsdesk.search.TicketDocument;
import org.opsdesk.search.Viewer;
import org.opsdesk.search.query.ParsedQuery;
import org.opsdesk.search.query.UserQueryParser;

/**
 * The Lucene {@link SearchIndex}: one long-lived {@link IndexWriter} and one {@link
 * SearcherManager} for near-real-time searches. The schema version, the current generation and an
 * unfinished rebuild are kept in the commit's user data; an index of another schema version is
 * wiped when opened.
 */
public final class LuceneSearchIndex implements SearchIndex {

    private static final String SCHEMA_VERSION_KEY = "opsdesk.schemaVersion";
    private static final String GENERATION_KEY = "opsdesk.generation";
    private static final String REBUILDING_KEY = "opsdesk.rebuilding";
    private static final int MAX_SUGGESTIONS = 20;
    /** Longer input gets no suggestions: no indexed term is longer than 255 characters. */
    private static final int MAX_SUGGESTED_LENGTH = 255;
    /** The one stored field a hit reads, for the fallback snippet of a hit without a highlighted one. */
    private static final Set<String> BODY_ONLY = Set.of(Fields.BODY);
    private static final SortField UPDATED_FIRST = new SortField(Fields.UPDATED, SortField.Type.LONG, true);
    private static final List<String> FACET_KEYS = List.of(
            SearchResult.FACET_TYPE,
            SearchResult.FACET_QUEUE,
            SearchResult.FACET_STATUS,
            SearchResult.FACET_HOST,
            SearchResult.FACET_TAG);

    /**
     * How much heap the writer fills before it writes a segment, far more than Lucene's 16 MB: only a rebuild fills it
     * (otherwise the searchers' refresh writes a segment several times a second), and fewer, larger segments leave
     * less to merge. In-process, 100,000 bench tickets indexed and merged into one segment at 1,130-1,200 a second
     * with 64 MB, 1,310-1,380 with 256 MB, 1,260 with 512 MB (the server's 2 GB heap collecting more often).
     */
    private static final double RAM_BUFFER_MB = 256;

    private final Directory directory;
    private final Analyzer indexAnalyzer = Fields.indexAnalyzer();
    private final QueryTranslator translator =
            new QueryTranslator(new ProseAnalyzer(), IdentifierAnalyzer.forQuery());
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicLong generation;
    private final AtomicLong unfinishedRebuild;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object commitLock = new Object();
    private volatile boolean emptyOrOutdated;
    /** Whether a rebuild runs now (merges are then limited: see {@link RebuildMergePolicy}). */
    private volatile boolean rebuildRunning;
    /** Scores half of a search's documents and highlights half of its hits (see {@link #search(SearchRequest)}). */
    private final Executor executor;
    /** Fewer documents than this are searched by the calling thread alone (see {@link DocRange#halves}). */
    private final int minSplit;

    private LuceneSearchIndex(Directory directory, Executor executor, int minSplit) throws IOException {
        this.directory = directory;
        this.executor = executor;
        this.minSplit = minSplit;
        Map<String, String> stored = lastCommitData(directory).orElse(Map.of());
        boolean current = String.valueOf(SCHEMA_VERSION).equals(stored.get(SCHEMA_VERSION_KEY));
        IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer)
                .setOpenMode(current ? OpenMode.APPEND : OpenMode.CREATE).setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setMergePolicy(new RebuildMergePolicy(() -> rebuildRunning));
        this.writer = new IndexWriter(directory, config);
        this.generation = new AtomicLong(current ? Long.parseLong(stored.getOrDefault(GENERATION_KEY, "1")) : 1);
        this.unfinishedRebuild = new AtomicLong(current ? Long.parseLong(stored.getOrDefault(REBUILDING_KEY, "0")) : 0);
        this.emptyOrOutdated = !current || writer.getDocStats().numDocs == 0 || unfinishedRebuild.get() != 0;
        this.searchers = new SearcherManager(writer, null);
        if (!current) {
            commit();
        }
    }

    /**
     * Opens (or creates) the index in a directory on disk, creating the directory; an index of
     * another schema version is wiped, and {@link #isEmptyOrOutdated()} then says to rebuild.
     *
     * @throws UncheckedIOException when the directory cannot be used, e.g. because another index
     *     writer holds its lock
     */
    public static LuceneSearchIndex open(Path dir) {
        return open(dir, Runnable::run);
    }

    /**
     * As {@link #open(Path)}, with an executor that scores half of each search's documents and highlights half of its
     * hits while the calling thread does the other halves: on a machine with a spare core, a large search takes about
     * half as long.
     */
    public static LuceneSearchIndex open(Path dir, Executor executor) {
        Directory directory = null;
        try {
            Files.createDirectories(dir);
            directory = FSDirectory.open(dir);
            return new LuceneSearchIndex(directory, executor, DocRange.MIN_SPLIT);
        } catch (IOException e) {
            closeQuietly(directory, e);
            throw new UncheckedIOException("Cannot open the search index in " + dir, e);
        }
    }

    /** A new, empty index in memory whose searches run on the calling thread alone, unsplit, for tests. */
    public static LuceneSearchIndex inMemory() {
        return inMemory(Runnable::run, Integer.MAX_VALUE);
    }

    /**
     * A new, empty index in memory whose searches score and highlight partly on the executor, for tests: every search
     * of two documents or more is split in halves (in the server, only searches of {@value DocRange#MIN_SPLIT}).
     */
    public static LuceneSearchIndex inMemory(Executor executor) {
        return inMemory(executor, 2);
    }

    /** As {@link #inMemory(Executor)}, splitting searches of at least {@code minSplit} documents. */
    static LuceneSearchIndex inMemory(Executor executor, int minSplit) {
        try {
            return new LuceneSearchIndex(new ByteBuffersDirectory(), executor, minSplit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void index(TicketDocument doc) {
        write(Documents.uid(DocType.TICKET, String.valueOf(doc.number())), Documents.ticket(doc, generation.get()));
    }

    @Override
    public void index(PageDocument doc) {
        write(Documents.uid(DocType.PAGE, doc.path()), Documents.page(doc, generation.get()));
    }

    @Override
    public void delete(DocType type, String id) {
        try {
            writer.deleteDocuments(Documents.uid(type, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void refresh() {
        try {
            commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void publish() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>One pass over the matches ranks them, counts them and counts their facets, in two halves by document
     * number: this thread takes one half while the {@linkplain #open(Path, Executor) executor} takes the other. Every
     * match is visited anyway for the exact counts, so the pass scores them all, and halving the documents halves
     * it on a machine with a spare core. When the exact words match fewer documents than a page holds, a second
     * pass lets them match typos too (fuzzy matches rank below exact ones). That depends on the page's size, not on
     * its offset, so every page of one search counts the same hits.
     */
    @Override
    public SearchResult search(SearchRequest request) {
        ParsedQuery parsed = UserQueryParser.parse(request.query());
        IndexSearcher searcher = acquire();
        try {
            Ranked ranked = rank(request, parsed, false, searcher);
            if (ranked.counts().total() < request.limit() && parsed.hasText()) {
                try {
                    Ranked withTypos = rank(request, parsed, true, searcher);
                    if (withTypos != null) {
                        ranked = withTypos;
                    }
                } catch (IndexSearcher.TooManyClauses | FuzzyTermsEnum.FuzzyTermsException tooBig) {
                    // typos are a help, not a must: the exact matches stand
                }
            }
            ScoreDoc[] top = ranked.top().scoreDocs;
            List<ScoreDoc> page = Arrays.asList(top)
                    .subList(Math.min(request.offset(), top.length), Math.min(ranked.wanted(), top.length));
            List<SearchHit> hits = hits(searcher, page, ranked.text(), request.viewer(), ranked.scoreField());
            return new SearchResult(ranked.counts().total(), hits, ranked.counts().facets());
        } catch (IndexSearcher.TooManyClauses e) {
            Map<String, Map<String, Long>> noFacets = new LinkedHashMap<>();
            FACET_KEYS.forEach(facet -> noFacets.put(facet, Map.of()));
            return new SearchResult(0, List.of(), noFacets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /** The best {@code wanted} documents of one translation, all matches counted, and the text to highlight. */
    private record Ranked(TopDocs top, FacetCounter.Counts counts, int wanted, Query text, int scoreField) {}

    /**
     * Ranks and counts one translation, half here and half on the executor; {@code null} when typos were asked for
     * and no word can have one (the exact search again: ranked, counted and faceted twice for nothing).
     */
    private Ranked rank(SearchRequest request, ParsedQuery parsed, boolean typos, IndexSearcher searcher)
            throws IOException {
        QueryTranslator.Translation translation =
                translator.translate(parsed, request.viewer(), request.types(), typos, searcher);
        if (typos && !translation.withTypos()) {
            return null;
        }
        boolean byRelevance = request.sort() == SortOrder.RELEVANCE && translation.text() != null;
        Query query = byRelevance
                ? FunctionScoreQuery.boostByValue(translation.query(), RecencyBoost.at(Instant.now()))
                : translation.query();
        Sort sort = byRelevance
                ? new Sort(SortField.FIELD_SCORE, UPDATED_FIRST)
                : new Sort(UPDATED_FIRST, SortField.FIELD_SCORE);
        int wanted = request.offset() + request.limit();
        FacetCounter counting = new FacetCounter(FACET_KEYS);
        Query rewritten = searcher.rewrite(query);
        List<Supplier<Half>> parts = new ArrayList<>();
        for (List<DocRange> half : DocRange.halves(searcher.getIndexReader().leaves(), minSplit)) {
            parts.add(() -> collect(searcher, rewritten, half, ranking(sort, wanted), counting.newCollector()));
        }
        List<Half> halves = onBothThreads(parts);
        TopDocs top = TopDocs.merge(sort, Math.max(1, wanted), halves.stream().map(h -> h.top().topDocs())
                .toArray(TopFieldDocs[]::new));
        List<FacetCounter.Counting> counts = halves.stream().map(Half::count).toList();
        return new Ranked(top, counting.reduce(counts), wanted, translation.text(), byRelevance ? 0 : 1);
    }

    /**
     * A ranking for one half of a search. Each half has its own, merged at the end: the collectors of one manager
     * share a hit counter that both threads would write for every match, and that contended memory made each half as
     * slow as the whole. No hit threshold: every match is visited for the counts, so the top hits need not skip any.
     */
    private static TopFieldCollector ranking(Sort sort, int wanted) {
        return new TopFieldCollectorManager(sort, Math.max(1, wanted), null, Integer.MAX_VALUE, false).newCollector();
    }

    /** One half of a search: its ranking and its count. */
    private record Half(TopFieldCollector top, FacetCounter.Counting count) {}

    /** Scores the matches in some document ranges into one ranking and one count. */
    private static Half collect(IndexSearcher searcher, Query rewritten, List<DocRange> ranges, TopFieldCollector top,
            FacetCounter.Counting count) {
        try {
            // a weight per half: a weight is meant to be shared across segments, not within one (its lazily built
            // per-segment state is not written safely by two threads)
            Weight weight = searcher.createWeight(rewritten, ScoreMode.COMPLETE, 1f);
            Collector both = MultiCollector.wrap(top, count);
            for (DocRange range : ranges) {
                BulkScorer scorer = weight.bulkScorer(range.leaf());
                if (scorer == null) {
                    continue;
                }
                LeafCollector leaf = both.getLeafCollector(range.leaf());
                scorer.score(leaf, range.leaf().reader().getLiveDocs(), range.from(), range.to());
                leaf.finish();
            }
            return new Half(top, count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the parts of one search, all but the last on the executor and the last on this thread, and answers their
     * results in order. Returns, or throws, only once every part has ended: the searcher they read must not be
     * released before (its files may be closed by a refresh meanwhile).
     */
    private <T> List<T> onBothThreads(List<Supplier<T>> parts) {
        List<FutureTask<T>> others = new ArrayList<>();
        try {
            for (Supplier<T> part : parts.subList(0, parts.size() - 1)) {
                FutureTask<T> other = new FutureTask<>(part::get);
                others.add(other);
                try {
                    executor.execute(other);
                } catch (RejectedExecutionException busy) {
                    // run below by this thread
                }
            }
            T last = parts.get(parts.size() - 1).get();
            List<T> results = new ArrayList<>(parts.size());
            others.forEach(other -> results.add(join(other)));
            results.add(last);
            return results;
        } finally {
            others.forEach(LuceneSearchIndex::settle);
        }
    }

    /**
     * Ends a part: this thread runs it if the executor has not started it yet (its threads may all be busy, with a
     * rebuild, say: a search then waited in their queue with its own thread idle), else waits for it.
     */
    private static <T> T join(FutureTask<T> part) {
        part.run(); // does nothing if the executor has started (or finished) it
        try {
            return part.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while searching", e);
        }
    }

    /**
     * Waits until a part has ended, however it ended: the searcher it reads must not be released before (its files
     * may be closed by a refresh meanwhile).
     */
    private static void settle(FutureTask<?> part) {
        part.run();
        boolean interrupted = false;
        while (true) {
            try {
                part.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The snippets of the hits, the first half highlighted on the executor while this thread highlights the second:
     * reading and breaking up the text of 20 hits takes longer than finding them.
     */
    private String[] snippets(IndexSearcher searcher, Query text, int[] docIds, boolean internal) throws IOException {
        // rewritten once here, for both halves; a text too large to expand for highlighting (many prefixes, each up
        // to eight terms in every field) is shown without marks rather than failing the search that found it
        Query expanded = expandForHighlighting(searcher, text);
        int half = docIds.length / 2;
        if (expanded == null || half == 0) {
            return highlight(searcher, expanded, docIds, internal);
        }
        int[] firstHalf = Arrays.copyOf(docIds, half);
        int[] secondHalf = Arrays.copyOfRange(docIds, half, docIds.length);
        List<String[]> halves = onBothThreads(List.of(() -> highlight(searcher, expanded, firstHalf, internal),
                () -> highlight(searcher, expanded, secondHalf, internal)));
        String[] snippets = Arrays.copyOf(halves.get(0), docIds.length);
        System.arraycopy(halves.get(1), 0, snippets, half, halves.get(1).length);
        return snippets;
    }

    private static Query expandForHighlighting(IndexSearcher searcher, Query text) throws IOException {
        try {
            return text == null ? null : searcher.rewrite(text);
        } catch (IndexSearcher.TooManyClauses tooMany) {
            return null;
        }
    }

    private String[] highlight(IndexSearcher searcher, Query expanded, int[] docIds, boolean internal) {
        try {
            return new Snippets(searcher, indexAnalyzer).highlight(expanded, docIds, internal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<SearchHit> hits(IndexSearcher searcher, List<ScoreDoc> page, Query text, Viewer viewer, int scoreField)
            throws IOException {
        int[] docIds = page.stream().mapToInt(hit -> hit.doc).toArray();
        String[] snippets = snippets(searcher, text, docIds, viewer.agent());
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(page.size());
        for (int i = 0; i < docIds.length; i++) {
            Shown shown = Shown.of(searcher, docIds[i]);
            // the stored body (kilobytes, decompressed with its neighbours) only when a hit has no snippet
            String snippet = snippets[i] != null ? snippets[i]
                    : Snippets.fallback(stored.document(docIds[i], BODY_ONLY).get(Fields.BODY));
            Object score = ((FieldDoc) page.get(i)).fields[scoreField];
            hits.add(new SearchHit(shown.type(), shown.id(), shown.title(), snippet,
                    score instanceof Float value ? value : 0f, shown.status(), shown.queue(), shown.updated()));
        }
        return hits;
    }

    /**
     * {@inheritDoc}
     *
     * <p>First the ticket whose number was typed, then host names starting with the text (most
     * used first, up to half of {@code limit}), then tickets and pages whose title has the typed
     * words (the last one as a prefix) or whose path starts with the text. At most {@value
     * #MAX_SUGGESTIONS}.
     */
    @Override
    public List<Suggestion> suggest(String prefix, Viewer viewer, int limit) {
        int wanted = Math.min(limit, MAX_SUGGESTIONS);
        if (prefix == null || prefix.isBlank() || wanted <= 0) {
            return List.of();
        }
        String typed = prefix.strip();
        if (typed.length() > MAX_SUGGESTED_LENGTH) {
            return List.of(); // no title, host or path starts with that (and its prefix automaton is too large)
        }
        Query visible = QueryTranslator.visibleTo(viewer);
        Set<Suggestion> suggestions = new LinkedHashSet<>();
        IndexSearcher searcher = acquire();
        try {
            OptionalLong number = QuerySyntax.ticketNumber(typed);
            if (number.isPresent()) {
                Query ticket = new TermQuery(new Term(Fields.NUMBER, Long.toString(number.getAsLong())));
                documents(searcher, restrict(ticket, visible), 1, suggestions);
            }
            if (typed.chars().noneMatch(Character::isWhitespace)) {
                hosts(searcher, Fields.keyword(typed), visible, (wanted + 1) / 2, suggestions);
            }
            documents(searcher, restrict(translator.completions(typed), visible), wanted, suggestions);
        } catch (IndexSearcher.TooManyClauses tooMany) {
            // what was found so far stands
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
        return suggestions.stream().limit(wanted).toList();
    }

    private static void hosts(IndexSearcher searcher, String start, Query visible, int limit, Set<Suggestion> into)
            throws IOException {
        Query query = restrict(new PrefixQuery(new Term(Fields.HOST, start)), visible);
        FacetCounter.Counts counts = searcher.search(query, new FacetCounter(List.of(SearchResult.FACET_HOST)));
        counts.facets().get(SearchResult.FACET_HOST).keySet().stream()
                .filter(host -> host.startsWith(start))
                .limit(limit)
                .forEach(host -> into.add(new Suggestion(Suggestion.HOST, host, host)));
    }

    private static void documents(IndexSearcher searcher, Query query, int limit, Set<Suggestion> into)
            throws IOException {
        TopDocs top = searcher.search(query, limit, new Sort(SortField.FIELD_SCORE, UPDATED_FIRST));
        for (ScoreDoc hit : top.scoreDocs) {
            Shown shown = Shown.of(searcher, hit.doc);
            String id = shown.id();
            String title = shown.title() != null ? shown.title() : id;
            String kind = shown.type() == DocType.TICKET ? Suggestion.TICKET : Suggestion.PAGE;
            into.add(new Suggestion(kind, id, title));
        }
    }

    private static Query restrict(Query query, Query visible) {
        if (visible == null) {
            return query;
        }
        return new BooleanQuery.Builder().add(query, Occur.MUST).add(visible, Occur.FILTER).build();
    }

    @Override
    public long count(DocType type) {
        IndexSearcher searcher = acquire();
        try {
            return searcher.count(new TermQuery(new Term(Fields.TYPE, type.code())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public RebuildToken beginRebuild() {
        rebuildRunning = true;
        long next = generation.incrementAndGet();
        unfinishedRebuild.accumulateAndGet(next, Math::max);
        return new RebuildToken(next);
    }

    @Override
    public void finishRebuild(RebuildToken token) {
        try {
            writer.deleteDocuments(LongPoint.newRangeQuery(Fields.GENERATION, Long.MIN_VALUE, token.generation() - 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (unfinishedRebuild.get() <= token.generation()) {
            unfinishedRebuild.set(0);
            emptyOrOutdated = false;
        }
        rebuildRunning = false;
        refresh();
    }

    @Override
    public void abandonRebuild(RebuildToken token) {
        rebuildRunning = false;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Merges all segments into one: a rebuild leaves a dozen segments of its 64 MB flushes, and
     * every term lookup (above all fuzzy and prefix expansion) walks each segment's dictionary. At
     * 100,000 tickets one segment halved the median search time without snippets (6.9 to 3.7 ms);
     * the merge took 25 s.
     */
    @Override
    public void compact() {
        try {
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        refresh();
    }

    @Override
    public boolean isEmptyOrOutdated() {
        return emptyOrOutdated;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            try {
                searchers.close();
                commit();
            } finally {
                IOUtils.close(writer, directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Term uid, Document doc) {
        try {
            writer.updateDocument(uid, doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commit() throws IOException {
        synchronized (commitLock) {
            Map<String, String> data = new HashMap<>();
            data.put(SCHEMA_VERSION_KEY, String.valueOf(SCHEMA_VERSION));
            data.put(GENERATION_KEY, String.valueOf(generation.get()));
            long rebuilding = unfinishedRebuild.get();
            if (rebuilding != 0) {
                data.put(REBUILDING_KEY, String.valueOf(rebuilding));
            }
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        }
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The user data of the directory's last commit; empty when there is none or it cannot be read. */
    private static Optional<Map<String, String>> lastCommitData(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return Optional.empty();
            }
            return Optional.of(SegmentInfos.readLatestCommit(directory).getUserData());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void closeQuietly(Directory directory, IOException failure) {
        if (directory != null) {
            try {
                directory.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
