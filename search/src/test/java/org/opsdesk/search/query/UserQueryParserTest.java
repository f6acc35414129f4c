package org.opsdesk.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsdesk.search.query.Clause.DateRange;
import org.opsdesk.search.query.Clause.Filter;
import org.opsdesk.search.query.Clause.Phrase;
import org.opsdesk.search.query.Clause.Word;

class UserQueryParserTest {

    private static ParsedQuery parse(String query) {
        return UserQueryParser.parse(query);
    }

    private static List<List<Clause>> groups(String query) {
        return parse(query).groups();
    }

    @Test
    void aKnownFilterWithAValueItDoesNotTakeIsNamedWithWhatItTakes() {
        assertThat(UserQueryParser.misreadFilters("disk created:lastweek type:pages -updated:soon"))
                .containsExactly(
                        "created:lastweek: not a date: created:2026-01-31, created:>2026-01-01,"
                                + " created:2026-01-01..2026-01-31, created:today or created:7d (the last seven days)",
                        "type:pages: type:ticket or type:page",
                        "-updated:soon: not a date: updated:2026-01-31, updated:>2026-01-01,"
                                + " updated:2026-01-01..2026-01-31, updated:today or updated:7d (the last seven days)");
        assertThat(UserQueryParser.misreadFilters("created:today updated:yesterday created:>yesterday created:30d"
                + " created:7D")).isEmpty();
        assertThat(UserQueryParser.misreadFilters("created:0d")).hasSize(1);
        assertThat(UserQueryParser.misreadFilters("created:>2026-01-01 status:open ORA:00942 \"created:soon\""))
                .as("fitting values, an unknown key, a quoted phrase").isEmpty();
        assertThat(UserQueryParser.misreadFilters(null)).isEmpty();
    }

    @Test
    void relativeDaysAreRangesEndingNow() {
        java.time.Instant before = java.time.Instant.now();
        Clause.DateRange week = (Clause.DateRange) groups("created:7d").get(0).get(0);
        assertThat(week.from()).isBetween(before.minus(java.time.Duration.ofDays(7)).minusSeconds(5),
                java.time.Instant.now().minus(java.time.Duration.ofDays(7)));
        assertThat(week.to()).isNull();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        Clause.DateRange yesterday = (Clause.DateRange) groups("updated:yesterday").get(0).get(0);
        assertThat(yesterday.from()).isEqualTo(today.minusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        assertThat(yesterday.to()).isEqualTo(today.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }

    @Test
    void wordsAreSeparateGroups() {
        assertThat(groups("disk  full")).containsExactly(
                List.of(new Word("disk", false)), List.of(new Word("full", false)));
    }

    @Test
    void quotesMakePhrases() {
        assertThat(groups("\"disk full\" web01")).containsExactly(
                List.of(new Phrase("disk full")), List.of(new Word("web01", false)));
    }

    @Test
    void orJoinsNeighbours() {
        assertThat(groups("a OR b c")).containsExactly(
                List.of(new Word("a", false), new Word("b", false)), List.of(new Word("c", false)));
        assertThat(groups("OR a OR OR b OR")).containsExactly(
                List.of(new Word("a", false), new Word("b", false)));
        assertThat(groups("a or b")).hasSize(3);
    }

    @Test
    void aLeadingMinusExcludes() {
        ParsedQuery parsed = parse("disk -backup -\"full disk\" -status:resolved");

        assertThat(parsed.groups()).containsExactly(List.of(new Word("disk", false)));
        assertThat(parsed.excluded()).containsExactly(
                new Word("backup", false), new Phrase("full disk"), new Filter(FilterKey.STATUS, List.of("resolved")));
        assertThat(parse("- disk").excluded()).isEmpty();
    }

    @Test
    void aTrailingStarMakesAPrefixOfTwoCharactersOrMore() {
        assertThat(groups("prin* a* *")).containsExactly(
                List.of(new Word("prin", true)), List.of(new Word("a", false)));
    }

    @Test
    void knownKeysMakeFilters() {
        assertThat(groups("type:ticket queue:\"Service Desk\" status:Open|pending owner:me host:DB01"))
                .containsExactly(
                        List.of(new Filter(FilterKey.TYPE, List.of("ticket"))),
                        List.of(new Filter(FilterKey.QUEUE, List.of("service desk"))),
                        List.of(new Filter(FilterKey.STATUS, List.of("open", "pending"))),
                        List.of(new Filter(FilterKey.OWNER, List.of("me"))),
                        List.of(new Filter(FilterKey.HOST, List.of("db01"))));
        assertThat(parse("type:ticket").hasText()).isFalse();
        assertThat(parse("type:ticket disk").hasText()).isTrue();
    }

    @Test
    void dateFiltersAreDaysInUtc() {
        Instant jan1 = Instant.parse("2026-01-01T00:00:00Z");
        Instant jan2 = Instant.parse("2026-01-02T00:00:00Z");
        Instant feb2 = Instant.parse("2026-02-02T00:00:00Z");

        assertThat(groups("created:>2026-01-01")).containsExactly(List.of(new DateRange(FilterKey.CREATED, jan2, null)));
        assertThat(groups("created:>=2026-01-01")).containsExactly(List.of(new DateRange(FilterKey.CREATED, jan1, null)));
        assertThat(groups("created:<2026-01-01")).containsExactly(List.of(new DateRange(FilterKey.CREATED, null, jan1)));
        assertThat(groups("created:<=2026-01-01")).containsExactly(List.of(new DateRange(FilterKey.CREATED, null, jan2)));
        assertThat(groups("updated:2026-01-01")).containsExactly(List.of(new DateRange(FilterKey.UPDATED, jan1, jan2)));
        assertThat(groups("updated:2026-01-01..2026-02-01"))
                .containsExactly(List.of(new DateRange(FilterKey.UPDATED, jan1, feb2)));
        assertThat(groups("updated:*..2026-02-01")).containsExactly(List.of(new DateRange(FilterKey.UPDATED, null, feb2)));
        assertThat(groups("updated:2026-01-01..")).as("an empty end is open, as *")
                .containsExactly(List.of(new DateRange(FilterKey.UPDATED, jan1, null)));
    }

    @Test
    void yearsBeyondWhatAnIndexDateHoldsAreWords() {
        // ISO-8601 reads +300000000-01-01; as milliseconds it overflowed a long in the query (a 500)
        for (String beyond : List.of("created:+300000000-01-01", "created:<-300000000-01-01", "created:>=+10000-01-01",
                "updated:2026-01-01..+300000000-01-01")) {
            assertThat(groups(beyond)).as(beyond).isNotEmpty()
                    .allSatisfy(g -> assertThat(g).doesNotHaveAnyElementsOfTypes(DateRange.class));
        }
        assertThat(groups("created:>=9999-12-31").get(0).get(0)).isInstanceOf(DateRange.class);
    }

    @Test
    void everyAlternativeCountsTowardsTheLimit() {
        // 200 alternatives in one group made thousands of Lucene clauses: more than a query may hold
        ParsedQuery parsed = parse(String.join(" OR ", java.util.Collections.nCopies(200, "word")));

        assertThat(parsed.groups()).singleElement().satisfies(g -> assertThat(g).hasSize(UserQueryParser.MAX_CLAUSES));
    }

    @Test
    void unknownKeysAndUnfitValuesAreWords() {
        assertThat(groups("foo:bar")).containsExactly(List.of(new Word("foo", false)), List.of(new Word("bar", false)));
        assertThat(groups("created:lastweek type:nothing")).containsExactly(
                List.of(new Word("created", false)), List.of(new Word("lastweek", false)),
                List.of(new Word("type", false)), List.of(new Word("nothing", false)));
        assertThat(parse("-foo:bar").excluded()).containsExactly(new Word("foo:bar", false));
        assertThat(groups("10.0.0.1:9100")).containsExactly(List.of(new Word("10.0.0.1:9100", false)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unbalanced", "-", "OR OR", "*", ":::", "\"\"", "status:", "\\ / [ ] { } ^ ~ ( ) !"})
    void brokenSyntaxNeverFails(String query) {
        ParsedQuery parsed = parse(query);

        assertThat(parsed.groups()).allSatisfy(group -> assertThat(group).isNotEmpty());
    }

    @Test
    void unbalancedQuotesAreDropped() {
        assertThat(groups("disk \"full")).containsExactly(List.of(new Word("disk", false)), List.of(new Word("full", false)));
    }

    @Test
    void longInputIsCut() {
        ParsedQuery parsed = parse("word ".repeat(1000) + "\"x");

        assertThat(parsed.groups()).hasSize(UserQueryParser.MAX_CLAUSES);
        assertThat(parse(null).groups()).isEmpty();
    }
}
