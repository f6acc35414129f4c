package org.opsdesk.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.opsdesk.search.DocType;
import org.opsdesk.search.QuerySyntax;
import org.opsdesk.search.Viewer;
import org.opsdesk.search.query.Clause;
import org.opsdesk.search.query.FilterKey;
import org.opsdesk.search.query.ParsedQuery;

/**
 * Turns a {@link ParsedQuery} into a Lucene query for one viewer.
 *
 * <p>A word must occur in some field (the best field counts most): in the title (weight 4),
 * headings (2), names of hosts, alerts, files and people (2) or the body (1), as prose or as an
 * identifier; for agents also in internal notes (1). A word that is a ticket number also matches
 * that ticket. A quoted phrase matches its words as written, in the identifier fields (see {@link #phrase}). A
 * letters-only word of at least {@value #FUZZY_MIN_LENGTH} characters also matches
 * words one edit away ({@value #FUZZY_TWO_EDITS_LENGTH} characters or more: two edits) that share its
 * first {@value #FUZZY_PREFIX_LENGTH} letters, in titles and bodies, at a tenth of the weight, so exact
 * matches rank first (and {@link LuceneSearchIndex} asks for typos only when exact hits are too few). Filters do not score. What the viewer may not see is
 * filtered out inside the query, so counts never include it.
 */
final class QueryTranslator {

    private static final float TIE_BREAKER = 0.3f;
    private static final float FUZZY_WEIGHT = 0.1f;
    private static final float NUMBER_WEIGHT = 8f;
    private static final int FUZZY_MIN_LENGTH = 5;
    private static final int FUZZY_TWO_EDITS_LENGTH = 10;
    /**
     * Longer words are matched exactly only: nobody mistypes a word of 40 letters into another word, and the
     * automaton of two typos in a long word of multi-byte letters can exceed what Lucene will build.
     */
    private static final int FUZZY_MAX_LENGTH = 40;
    /** The status filter's value for every status still to work on. */
    static final String ACTIVE = "active";
    private static final int FUZZY_PREFIX_LENGTH = 2;
    private static final int FUZZY_EXPANSIONS = 10;
    /**
     * The words of one query that may match typos (those the index holds no exact form of first): each builds
     * Levenshtein automata, and sixteen long words of multi-byte letters without exact hits took seconds of CPU.
     */
    static final int MAX_TYPO_WORDS = 4;
    /** How many terms of a prefix the highlighter looks for (see {@link FrequentTermsRewrite}). */
    private static final int HIGHLIGHTED_PREFIX_TERMS = 8;
    private static final MultiTermQuery.RewriteMethod SEARCHED_PREFIX = MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE;
    private static final MultiTermQuery.RewriteMethod HIGHLIGHTED_PREFIX =
            new FrequentTermsRewrite(HIGHLIGHTED_PREFIX_TERMS);
    /**
     * Longer prefixes match no term that an ordinary query finds, and Lucene builds no automaton of over 1,000 bytes
     * (the search failed).
     */
    private static final int MAX_PREFIX_BYTES = 1000;
    static final int MAX_COMPLETED_WORDS = 8;
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}]+");

    private static final List<Weighted> PROSE = List.of(
            new Weighted(Fields.TITLE, 4), new Weighted(Fields.HEADINGS, 2), new Weighted(Fields.BODY, 1));
    private static final List<Weighted> IDENTIFIERS = List.of(
            new Weighted(Fields.TITLE_ID, 4),
            new Weighted(Fields.HEADINGS_ID, 2),
            new Weighted(Fields.NAMES, 2),
            new Weighted(Fields.BODY_ID, 1));
    private static final Weighted INTERNAL = new Weighted(Fields.INTERNAL, 1);
    private static final Weighted INTERNAL_ID = new Weighted(Fields.INTERNAL_ID, 1);

    private final Analyzer prose;
    private final Analyzer identifiers;
    private final QueryBuilder proseQueries;
    private final QueryBuilder identifierQueries;

    QueryTranslator(Analyzer prose, Analyzer identifiers) {
        this.prose = prose;
        this.identifiers = identifiers;
        this.proseQueries = new QueryBuilder(prose);
        this.identifierQueries = new QueryBuilder(identifiers);
    }

    /**
     * A translated query.
     *
     * @param query what matches, filters and permissions included
     * @param text the words and phrases alone, for highlighting; {@code null} when there are none
     * @param withTypos whether some word also matches typos here (asked for typos and none was added, the query is
     *     the exact one again, and running it twice pays for ranking, counting and facets twice)
     */
    record Translation(Query query, Query text, boolean withTypos) {}

    /**
     * Translates a query for one viewer.
     *
     * @param typos whether words also match words a typo away; without, they match exactly only (the cheap first
     *     try: fuzzy expansion over a large dictionary costs more than the rest of the query)
     * @param searcher expands the typo queries at once, so that the search and the highlighter share one
     *     expansion (building the Levenshtein automata of a long word takes milliseconds)
     */
    Translation translate(ParsedQuery parsed, Viewer viewer, Set<DocType> types, boolean typos,
            IndexSearcher searcher) {
        Fieldset fields = Fieldset.of(viewer);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        List<Query> text = new ArrayList<>();
        List<String> stopWords = new ArrayList<>();
        boolean scoring = false;
        boolean withTypos = false;
        Set<Clause> typoWords = typos ? typoCandidates(parsed, searcher) : Set.of();
        for (List<Clause> group : parsed.groups()) {
            List<Query> alternatives = new ArrayList<>();
            for (Clause clause : group) {
                Query exact = exact(clause, fields, viewer, SEARCHED_PREFIX);
                Query translated = typoWords.contains(clause) ? positive(clause, exact, fields, searcher) : exact;
                withTypos |= translated != exact;
                if (translated != null) {
                    alternatives.add(translated);
                    if (!clause.isFilter()) {
                        text.add(highlighted(clause, fields, translated));
                    }
                } else if (clause instanceof Clause.Word word && !word.prefix()) {
                    stopWords.add(word.text());
                }
            }
            if (!alternatives.isEmpty()) {
                boolean filtersOnly = group.stream().allMatch(Clause::isFilter);
                query.add(or(alternatives), filtersOnly ? Occur.FILTER : Occur.MUST);
                scoring |= !filtersOnly;
            }
        }
        for (Clause clause : parsed.excluded()) {
            Query translated = exact(clause, fields, viewer, SEARCHED_PREFIX);
            if (translated != null) {
                query.add(translated, Occur.MUST_NOT);
            }
        }
        if (!scoring && !stopWords.isEmpty()) {
            // only stop words ("IT", "the"): what the prose fields leave out, the identifier fields keep as written
            for (String word : stopWords) {
                Query asWritten = dismax(fields.identifiers.stream()
                        .map(field -> field.boost(identifierQueries.createPhraseQuery(field.name, word))).toList());
                if (asWritten != null) {
                    query.add(asWritten, Occur.MUST);
                    text.add(asWritten);
                    scoring = true;
                }
            }
        }
        if (!scoring) {
            // words that translated to nothing (punctuation, a lone emoji) match nothing; only filters match all
            query.add(parsed.hasText() ? new MatchNoDocsQuery("nothing searchable in the words")
                    : new MatchAllDocsQuery(), Occur.MUST);
        }
        Query visible = visibleTo(viewer);
        if (visible != null) {
            query.add(visible, Occur.FILTER);
        }
        if (!types.isEmpty()) {
            query.add(or(types.stream().map(type -> term(Fields.TYPE, type.code())).toList()), Occur.FILTER);
        }
        return new Translation(query.build(), text.isEmpty() ? null : or(text), withTypos);
    }

    /**
     * Ticket subjects and page titles with the typed words, the last one possibly incomplete, or page paths. Only
     * the last {@value #MAX_COMPLETED_WORDS} words count (hundreds made more clauses than a query may have).
     */
    Query completions(String typed) {
        String[] all = typed.strip().split("\\s+");
        String[] words = Arrays.copyOfRange(all, Math.max(0, all.length - MAX_COMPLETED_WORDS), all.length);
        BooleanQuery.Builder titles = new BooleanQuery.Builder();
        for (int i = 0; i < words.length - 1; i++) {
            Query word = dismax(Arrays.asList(
                    proseQueries.createPhraseQuery(Fields.TITLE, words[i]),
                    identifierQueries.createPhraseQuery(Fields.TITLE_ID, words[i])));
            if (word != null) {
                titles.add(word, Occur.MUST);
            }
        }
        String last = words[words.length - 1];
        Query lastWord = dismax(Arrays.asList(
                prefix(prose, Fields.TITLE, last),
                prefix(identifiers, Fields.TITLE_ID, last),
                proseQueries.createPhraseQuery(Fields.TITLE, last)));
        Query path = new PrefixQuery(new Term(Fields.PATH, Fields.keyword(typed)));
        if (lastWord == null) {
            return path;
        }
        titles.add(lastWord, Occur.MUST);
        return or(List.of(titles.build(), path));
    }

    /** What a viewer may see: {@code null} for agents (everything). */
    static Query visibleTo(Viewer viewer) {
        if (viewer.agent()) {
            return null;
        }
        Query pages = term(Fields.TYPE, DocType.PAGE.code());
        if (viewer.login() == null || viewer.login().isBlank()) {
            return pages;
        }
        Query ownTickets = new BooleanQuery.Builder()
                .add(term(Fields.TYPE, DocType.TICKET.code()), Occur.FILTER)
                .add(term(Fields.REQUESTER, Fields.keyword(viewer.login())), Occur.FILTER)
                .build();
        return or(List.of(pages, ownTickets));
    }

    /** A clause's exact translation, or for a word that may have a typo, that or its typos. */
    private Query positive(Clause clause, Query exact, Fieldset fields, IndexSearcher searcher) {
        if (clause instanceof Clause.Word word && !word.prefix()) {
            Query fuzzy = exact == null ? null : fuzzy(word.text(), fields);
            if (fuzzy == null) {
                return exact;
            }
            try {
                return or(List.of(exact, new BoostQuery(searcher.rewrite(fuzzy), FUZZY_WEIGHT)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return exact;
    }

    private Query exact(Clause clause, Fieldset fields, Viewer viewer, MultiTermQuery.RewriteMethod prefixes) {
        if (clause instanceof Clause.Word word) {
            return word.prefix() ? prefix(word.text(), fields, prefixes) : word(word.text(), fields);
        }
        if (clause instanceof Clause.Phrase phrase) {
            return phrase(phrase.text(), fields);
        }
        if (clause instanceof Clause.Filter filter) {
            return new ConstantScoreQuery(
                    or(filter.values().stream().map(value -> filter(filter.key(), value, viewer)).toList()));
        }
        Clause.DateRange range = (Clause.DateRange) clause;
        return new ConstantScoreQuery(dateRange(range));
    }

    private Query word(String text, Fieldset fields) {
        if (text.startsWith("#")) {
            java.util.OptionalLong number = QuerySyntax.ticketNumber(text);
            if (number.isPresent()) {
                // "#123" refers to ticket 123, as in RT and on GitHub, not to every text with the number 123 in it
                // (a bare 123 still matches both: it may be an error code, such as HTTP 502)
                return new BoostQuery(term(Fields.NUMBER, String.valueOf(number.getAsLong())), NUMBER_WEIGHT);
            }
        }
        List<Query> matches = new ArrayList<>();
        boolean prose = false;
        for (Weighted field : fields.prose) {
            Query query = proseQueries.createPhraseQuery(field.name, text);
            prose |= query != null;
            matches.add(field.boost(query));
        }
        if (!prose && ProseAnalyzer.isStopWord(text.toLowerCase(Locale.ROOT))) {
            return null;
        }
        for (Weighted field : fields.identifiers) {
            matches.add(field.boost(identifierQueries.createPhraseQuery(field.name, text)));
        }
        QuerySyntax.ticketNumber(text).ifPresent(number ->
                matches.add(new BoostQuery(term(Fields.NUMBER, String.valueOf(number)), NUMBER_WEIGHT)));
        return dismax(matches);
    }

    /**
     * The words that may match typos, at most {@value #MAX_TYPO_WORDS}: first those of which the index holds no exact
     * form (most likely the misspelled ones), then the others, each in the order written.
     */
    private Set<Clause> typoCandidates(ParsedQuery parsed, IndexSearcher searcher) {
        List<Clause> unknown = new ArrayList<>();
        List<Clause> known = new ArrayList<>();
        for (List<Clause> group : parsed.groups()) {
            for (Clause clause : group) {
                Term stem = clause instanceof Clause.Word word && !word.prefix() ? typoStem(word.text()) : null;
                if (stem != null) {
                    try {
                        // in subjects and titles, or in bodies: where typos are matched
                        int docs = searcher.getIndexReader().docFreq(stem) + searcher.getIndexReader()
                                .docFreq(new Term(Fields.TITLE, stem.bytes()));
                        (docs == 0 ? unknown : known).add(clause);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        Set<Clause> chosen = new java.util.HashSet<>();
        java.util.stream.Stream.concat(unknown.stream(), known.stream()).limit(MAX_TYPO_WORDS).forEach(chosen::add);
        return chosen;
    }

    /**
     * The body field's stem of a word that may match typos (letters only, {@value #FUZZY_MIN_LENGTH} to
     * {@value #FUZZY_MAX_LENGTH} characters, one term after analysis), or null.
     */
    private Term typoStem(String text) {
        if (text.length() < FUZZY_MIN_LENGTH || text.length() > FUZZY_MAX_LENGTH
                || !text.chars().allMatch(Character::isLetter)) {
            return null;
        }
        return proseQueries.createPhraseQuery(Fields.BODY, text) instanceof TermQuery stem ? stem.getTerm() : null;
    }

    private Query fuzzy(String text, Fieldset fields) {
        Term stem = typoStem(text);
        if (stem == null) {
            return null;
        }
        int edits = text.length() >= FUZZY_TWO_EDITS_LENGTH ? 2 : 1;
        List<Query> matches = new ArrayList<>();
        // title and body only: each typo query walks a term dictionary with a Levenshtein automaton (built in
        // milliseconds for a long word, then cached: see TypoQuery), the dominant cost of a search that needs typo
        // tolerance; headings repeat words of the body anyway, and internal notes are matched exactly
        for (Weighted field : fields.prose) {
            if (field.name.equals(Fields.TITLE) || field.name.equals(Fields.BODY)) {
                Term term = new Term(field.name, stem.bytes());
                matches.add(field.boost(new TypoQuery(term, edits, FUZZY_PREFIX_LENGTH, FUZZY_EXPANSIONS)));
            }
        }
        return dismax(matches);
    }

    private Query prefix(String text, Fieldset fields, MultiTermQuery.RewriteMethod method) {
        List<Query> matches = new ArrayList<>();
        fields.prose.forEach(field -> matches.add(field.boost(prefix(prose, field.name, text, method))));
        fields.identifiers.forEach(field -> matches.add(field.boost(prefix(identifiers, field.name, text, method))));
        return dismax(matches);
    }

    private static Query prefix(Analyzer analyzer, String field, String text) {
        return prefix(analyzer, field, text, SEARCHED_PREFIX);
    }

    private static Query prefix(Analyzer analyzer, String field, String text, MultiTermQuery.RewriteMethod method) {
        String start = LEADING_PUNCTUATION.matcher(text).replaceFirst("");
        if (start.isEmpty()) {
            return null;
        }
        org.apache.lucene.util.BytesRef normalized = analyzer.normalize(field, start);
        // no indexed term is that long (the tokenizers cut at 255 characters), and the automaton of a prefix of a
        // thousand bytes is more than Lucene builds: it failed the search
        return normalized.length > MAX_PREFIX_BYTES ? new MatchNoDocsQuery("prefix longer than any term")
                : new PrefixQuery(new Term(field, normalized), method);
    }

    /** What the highlighter looks for: a prefix as its most frequent terms, anything else as searched. */
    private Query highlighted(Clause clause, Fieldset fields, Query translated) {
        return clause instanceof Clause.Word word && word.prefix()
                ? prefix(word.text(), fields, HIGHLIGHTED_PREFIX)
                : translated;
    }

    /**
     * A phrase in the identifier fields: its words exactly as written, stop words included, not stemmed (what quotes
     * mean in web search engines; Elasticsearch's {@code quote_field_suffix} does the same). These fields also hold
     * the parts of compound names at the name's position, so {@code "restart nginx"} finds {@code restart
     * nginx.service}. Searching the prose twins as well (stemmed, without stop words) read twice the positions, and
     * made a quoted phrase match other words than the quoted ones.
     */
    private Query phrase(String text, Fieldset fields) {
        List<Query> matches = new ArrayList<>();
        fields.identifiers.forEach(
                field -> matches.add(field.boost(identifierQueries.createPhraseQuery(field.name, text))));
        return dismax(matches);
    }

    private static Query filter(FilterKey key, String value, Viewer viewer) {
        return switch (key) {
            case TYPE -> term(Fields.TYPE, value);
            case QUEUE -> term(Fields.QUEUE, value);
            // a status is the one its facet counts; 'active' is any status still to work on (new, open, pending),
            // as in the ticket list
            case STATUS -> value.equals(ACTIVE) ? term(Fields.OPEN, "true") : term(Fields.STATUS, value);
            case OWNER -> owner(value, viewer);
            case HOST -> or(List.of(term(Fields.HOST, value), new PrefixQuery(new Term(Fields.HOST, value + "."))));
            case TAG -> term(Fields.TAG, value);
            case REQUESTER -> term(Fields.REQUESTER, value);
            case CC -> term(Fields.CC, value);
            case ALERT -> term(Fields.ALERT, value);
            case PRIORITY -> term(Fields.PRIORITY, value);
            case CREATED, UPDATED -> throw new IllegalArgumentException("Not a value filter: " + key);
        };
    }

    private static Query owner(String value, Viewer viewer) {
        if (!value.equals("me")) {
            return term(Fields.OWNER, value);
        }
        return viewer.login() == null
                ? new MatchNoDocsQuery("the viewer has no login")
                : term(Fields.OWNER, Fields.keyword(viewer.login()));
    }

    private static Query dateRange(Clause.DateRange range) {
        String field = range.key() == FilterKey.CREATED ? Fields.CREATED : Fields.UPDATED;
        long from = range.from() == null ? Long.MIN_VALUE : range.from().toEpochMilli();
        long to = range.to() == null ? Long.MAX_VALUE : range.to().toEpochMilli() - 1;
        return from > to ? new MatchNoDocsQuery("empty range") : LongPoint.newRangeQuery(field, from, to);
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    /** At least one of the queries; a single query as it is. */
    private static Query or(List<Query> queries) {
        if (queries.size() == 1) {
            return queries.get(0);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        queries.forEach(query -> any.add(query, Occur.SHOULD));
        return any.setMinimumNumberShouldMatch(1).build();
    }

    /** The best of the non-null queries, or {@code null} if all are null. */
    private static Query dismax(List<Query> queries) {
        List<Query> present = queries.stream().filter(Objects::nonNull).toList();
        if (present.isEmpty()) {
            return null;
        }
        return present.size() == 1 ? present.get(0) : new DisjunctionMaxQuery(present, TIE_BREAKER);
    }

    /** A field searched with a weight. */
    private record Weighted(String name, float weight) {

        /** The query weighted, or {@code null} for {@code null}. */
        Query boost(Query query) {
            return query == null || weight == 1 ? query : new BoostQuery(query, weight);
        }
    }

    /** The text fields a viewer's words are searched in. */
    private record Fieldset(List<Weighted> prose, List<Weighted> identifiers) {

        static Fieldset of(Viewer viewer) {
            if (!viewer.agent()) {
                return new Fieldset(PROSE, IDENTIFIERS);
            }
            List<Weighted> prose = new ArrayList<>(PROSE);
            prose.add(INTERNAL);
            List<Weighted> identifiers = new ArrayList<>(IDENTIFIERS);
            identifiers.add(INTERNAL_ID);
            return new Fieldset(List.copyOf(prose), List.copyOf(identifiers));
        }
    }
}
