package org.opsdesk.search.query;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Parses the query language people type into a {@link ParsedQuery}. It never fails: whatever is
 * not valid syntax is taken as words.
 *
 * <ul>
 *   <li>{@code disk full}: both words (AND);
 *   <li>{@code "disk full"}: the phrase;
 *   <li>{@code -word}, {@code -"a phrase"}, {@code -status:resolved}: excluded;
 *   <li>{@code a OR b}: either (binds tighter than AND: {@code a OR b c} is (a or b) and c);
 *   <li>{@code prefix*}: words starting with it (at least two characters before the star);
 *   <li>{@code key:value}, {@code key:a|b}, {@code key:"with blanks"}: filters, see {@link
 *       FilterKey}; an unknown key, or a value that does not fit its key ({@code foo:bar}, {@code
 *       created:yesterday}), is searched as the two words (excluded: as one word).
 * </ul>
 *
 * <p>Input beyond {@value #MAX_LENGTH} characters and clauses beyond {@value #MAX_CLAUSES} are
 * ignored.
 */
public final class UserQueryParser {

    /** The longest input considered. */
    public static final int MAX_LENGTH = 1000;

    /** The most clauses (positive and excluded) considered. */
    public static final int MAX_CLAUSES = 16;

    private static final String OR = "OR";
    private static final Pattern FILTER = Pattern.compile("([A-Za-z]+):(.+)", Pattern.DOTALL);
    private static final Pattern DATE_RANGE = Pattern.compile("([^.]*)\\.\\.([^.]*)");
    /** {@code created:7d}: within the last seven days. */
    private static final Pattern RECENT = Pattern.compile("([1-9]\\d{0,4})d", Pattern.CASE_INSENSITIVE);

    private UserQueryParser() {}

    /** Parses {@code query}; {@code null} is the empty query. */
    public static ParsedQuery parse(String query) {
        List<List<Clause>> groups = new ArrayList<>();
        List<Clause> excluded = new ArrayList<>();
        boolean orPending = false;
        boolean lastWasPositive = false;
        for (Token token : lex(query == null ? "" : query)) {
            if (clauseCount(groups) + excluded.size() >= MAX_CLAUSES) {
                break; // every alternative of an OR counts: 200 of them would exceed what Lucene takes in one query
            }
            if (token.isOr()) {
                orPending = lastWasPositive;
                continue;
            }
            List<Clause> clauses = token.toClauses();
            if (clauses.isEmpty()) {
                continue;
            }
            if (token.negated) {
                excluded.addAll(clauses);
                lastWasPositive = false;
            } else {
                for (Clause clause : clauses) {
                    if (orPending) {
                        groups.get(groups.size() - 1).add(clause);
                    } else {
                        groups.add(new ArrayList<>(List.of(clause)));
                    }
                    orPending = false;
                }
                lastWasPositive = true;
            }
            orPending = false;
        }
        return new ParsedQuery(groups, excluded);
    }

    private static int clauseCount(List<List<Clause>> groups) {
        int n = 0;
        for (List<Clause> g : groups) {
            n += g.size();
        }
        return n;
    }

    private static List<Token> lex(String input) {
        String text = input.length() > MAX_LENGTH ? input.substring(0, MAX_LENGTH) : input;
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            boolean negated = text.charAt(i) == '-' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1));
            if (negated) {
                i++;
            }
            int close = text.charAt(i) == '"' ? text.indexOf('"', i + 1) : -1;
            if (close > 0) {
                tokens.add(new Token(text.substring(i + 1, close), negated, true));
                i = close + 1;
                continue;
            }
            StringBuilder word = new StringBuilder();
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                char c = text.charAt(i);
                int quoteEnd = c == '"' ? text.indexOf('"', i + 1) : -1;
                if (quoteEnd > 0) {
                    word.append(text, i, quoteEnd + 1);
                    i = quoteEnd + 1;
                } else {
                    if (c != '"') {
                        word.append(c);
                    }
                    i++;
                }
            }
            tokens.add(new Token(word.toString(), negated, false));
        }
        return tokens;
    }

    /** A lexed piece of input: a quoted phrase or a blank-free word (possibly with quoted parts). */
    private record Token(String text, boolean negated, boolean quoted) {

        boolean isOr() {
            return !quoted && !negated && text.equals(OR);
        }

        /**
         * The clauses the token stands for: a phrase, a filter, a word, or, for an unknown key or
         * a value that does not fit its key, the two words (a single word when excluded).
         */
        List<Clause> toClauses() {
            if (quoted) {
                return text.isBlank() ? List.of() : List.of(new Clause.Phrase(text.strip()));
            }
            Matcher filter = FILTER.matcher(text);
            if (!filter.matches()) {
                return word(text.replace("\"", "")).stream().toList();
            }
            Optional<Clause> clause = FilterKey.fromCode(filter.group(1))
                    .flatMap(key -> filter(key, unquote(filter.group(2))));
            if (clause.isPresent()) {
                return List.of(clause.get());
            }
            if (negated) {
                return word(text.replace("\"", "")).stream().toList();
            }
            return Stream.of(filter.group(1), unquote(filter.group(2)))
                    .flatMap(part -> word(part).stream())
                    .toList();
        }

        private static Optional<Clause> word(String text) {
            String stem = text;
            while (stem.endsWith("*")) {
                stem = stem.substring(0, stem.length() - 1);
            }
            if (stem.isBlank()) {
                return Optional.empty();
            }
            boolean prefix = stem.length() < text.length() && stem.length() >= 2;
            return Optional.of(new Clause.Word(stem, prefix));
        }

        private static String unquote(String value) {
            return value.replace("\"", "").strip();
        }
    }

    /**
     * The filters of {@code query} that name a known key with a value that does not fit it ({@code
     * created:yesterday}, {@code type:pages}), each with what the key takes: they are searched as
     * words, which finds little, and the one who typed them meant a filter. Unknown keys are not
     * named ({@code ORA:00942} or a URL's {@code http:} are words as typed).
     */
    public static List<String> misreadFilters(String query) {
        List<String> misread = new ArrayList<>();
        for (Token token : lex(query == null ? "" : query)) {
            Matcher m = token.quoted ? null : FILTER.matcher(token.text);
            if (m == null || !m.matches()) {
                continue;
            }
            FilterKey.fromCode(m.group(1)).filter(key -> filter(key, Token.unquote(m.group(2))).isEmpty())
                    .ifPresent(key -> misread.add((token.negated ? "-" : "") + token.text.strip() + ": " + (key.isDate()
                            ? "not a date: " + key.code() + ":2026-01-31, " + key.code() + ":>2026-01-01, "
                                    + key.code() + ":2026-01-01..2026-01-31, " + key.code() + ":today or "
                                    + key.code() + ":7d (the last seven days)"
                            : key == FilterKey.TYPE ? "type:ticket or type:page" : "no value to filter by")));
        }
        return misread;
    }

    private static Optional<Clause> filter(FilterKey key, String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (key.isDate()) {
            return dateRange(key, value);
        }
        List<String> values = Arrays.stream(value.toLowerCase(Locale.ROOT).split("\\|"))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
        if (values.isEmpty() || key == FilterKey.TYPE && !values.stream().allMatch(UserQueryParser::isTypeCode)) {
            return Optional.empty();
        }
        return Optional.of(new Clause.Filter(key, values));
    }

    private static boolean isTypeCode(String value) {
        return value.equals("ticket") || value.equals("page");
    }

    private static Optional<Clause> dateRange(FilterKey key, String value) {
        Matcher recent = RECENT.matcher(value.strip());
        if (recent.matches()) {
            // the last N days, from this moment back
            return Optional.of(new Clause.DateRange(key,
                    Instant.now().minus(java.time.Duration.ofDays(Long.parseLong(recent.group(1)))), null));
        }
        try {
            Matcher range = DATE_RANGE.matcher(value);
            if (range.matches()) {
                Instant from = isOpenEnd(range.group(1)) ? null : startOf(range.group(1));
                Instant to = isOpenEnd(range.group(2)) ? null : endOf(range.group(2));
                return Optional.of(new Clause.DateRange(key, from, to));
            }
            if (value.startsWith(">=")) {
                return Optional.of(new Clause.DateRange(key, startOf(value.substring(2)), null));
            }
            if (value.startsWith(">")) {
                return Optional.of(new Clause.DateRange(key, endOf(value.substring(1)), null));
            }
            if (value.startsWith("<=")) {
                return Optional.of(new Clause.DateRange(key, null, endOf(value.substring(2))));
            }
            if (value.startsWith("<")) {
                return Optional.of(new Clause.DateRange(key, null, startOf(value.substring(1))));
            }
            return Optional.of(new Clause.DateRange(key, startOf(value), endOf(value)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** {@code *} or nothing: {@code 2026-01-01..} is {@code 2026-01-01..*}. */
    private static boolean isOpenEnd(String end) {
        return end.isBlank() || end.strip().equals("*");
    }

    private static Instant startOf(String day) {
        return day(day).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant endOf(String day) {
        return day(day).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A day of the years 0000-9999 (ISO-8601 also reads +300000000-01-01, beyond what an index date holds). */
    private static LocalDate day(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("today") || t.equals("yesterday")) {
            // days are UTC days, as the dates written out are
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            return t.equals("today") ? today : today.minusDays(1);
        }
        LocalDate d = LocalDate.parse(text.strip());
        if (d.getYear() < 0 || d.getYear() > 9999) {
            throw new DateTimeException("year out of range: " + d.getYear());
        }
        return d;
    }
}
