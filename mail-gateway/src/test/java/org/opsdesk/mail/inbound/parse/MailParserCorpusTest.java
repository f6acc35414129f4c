package org.opsdesk.mail.inbound.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opsdesk.mail.testing.TestCorpus;

/**
 * Runs the parser over every message of the shared open corpus ({@link TestCorpus}): real mail from 2002,
 * real spam and 87 deliberately broken messages. Every message is parsed once, up front; the tests then
 * check what the results must satisfy. Skipped when the corpus is not there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailParserCorpusTest {

    private static final Pattern IN_REPLY_TO_WITH_ID =
            Pattern.compile("(?im)^In-Reply-To:[^\\n]*(\\n[ \\t][^\\n]*)*<[^<>]+@[^<>]+>");

    /** What one file gave: a parsed mail (summarised), a refusal, or something that escaped. */
    private record Outcome(Path file, ParsedMail mail, String refusal, Throwable escaped) {
        boolean parsed() {
            return mail != null;
        }
    }

    private final List<Outcome> outcomes = new ArrayList<>();
    private Path corpus;

    @BeforeAll
    void parseTheWholeCorpus() throws IOException {
        corpus = TestCorpus.mailDir();
        MailParser parser = new MailParser();
        long start = System.nanoTime();
        for (Path file : TestCorpus.messages(corpus)) {
            byte[] raw = Files.readAllBytes(file);
            try {
                outcomes.add(new Outcome(file, parser.parse(raw), null, null));
            } catch (UnparseableMailException e) {
                outcomes.add(new Outcome(file, null, e.getMessage(), null));
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                outcomes.add(new Outcome(file, null, null, e));
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<Outcome> refused = outcomes.stream().filter(o -> o.refusal() != null).toList();
        System.out.printf("MailParserCorpusTest: %d messages under %s in %d ms: %d parsed, %d unparseable%n",
                outcomes.size(), corpus.toAbsolutePath().normalize(), millis,
                outcomes.stream().filter(Outcome::parsed).count(), refused.size());
        refused.forEach(o -> System.out.println("  unparseable " + name(o.file()) + ": " + o.refusal()));
    }

    @Test
    void findsTheMessages() {
        assertThat(outcomes).as("messages in %s", corpus).isNotEmpty();
    }

    @Test
    void nothingButUnparseableMailExceptionEscapes() {
        assertThat(outcomes).filteredOn(o -> o.escaped() != null)
                .extracting(o -> name(o.file()) + ": " + o.escaped()).isEmpty();
    }

    @Test
    void everyRefusalGivesAReason() {
        assertThat(outcomes).filteredOn(o -> o.refusal() != null).allSatisfy(o ->
                assertThat(o.refusal()).as(name(o.file())).isNotBlank());
    }

    @Test
    void everyParsedMailHasTheFieldsTheContractPromises() {
        assertThat(outcomes).filteredOn(Outcome::parsed).allSatisfy(o -> {
            ParsedMail mail = o.mail();
            assertThat(mail.subject()).as("subject of %s", name(o.file())).isNotNull();
            assertThat(mail.text()).as("text of %s", name(o.file())).isNotNull();
            assertThat(mail.inReplyTo()).as(name(o.file())).isNotNull();
            assertThat(mail.references()).as(name(o.file())).isNotNull();
            assertThat(mail.headers()).as(name(o.file())).isNotNull();
            assertThat(mail.attachments()).as(name(o.file())).isNotNull();
            assertThat(mail.notes()).as(name(o.file())).isNotNull();
            assertThat(mail.subject()).as("subject of %s is one line", name(o.file())).doesNotContain("\n", "\r");
        });
    }

    @Test
    void almostEverythingHasASensibleReading() {
        long unparseable = outcomes.stream().filter(o -> o.refusal() != null).count();
        // the corpus holds 87 broken messages; only bytes that are no mail at all may be refused
        assertThat(unparseable).as("unparseable messages").isLessThanOrEqualTo(Math.max(5, outcomes.size() / 200));
    }

    @Test
    void mostMailHasAMessageId() {
        List<Outcome> parsed = outcomes.stream().filter(Outcome::parsed).toList();
        long withId = parsed.stream().filter(o -> o.mail().messageId() != null).count();
        System.out.printf("MailParserCorpusTest: %d of %d parsed messages have a Message-ID%n", withId, parsed.size());
        assertThat(withId).isGreaterThanOrEqualTo(parsed.size() * 85L / 100);
        assertThat(parsed).filteredOn(o -> o.mail().messageId() != null)
                .allSatisfy(o -> assertThat(o.mail().messageId()).as(name(o.file())).doesNotContain("<", ">", " "));
    }

    @Test
    void repliesOnTheMailingListsKeepTheirInReplyTo() throws IOException {
        List<Outcome> replies = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (name(o.file()).contains("easy_ham_2") && o.parsed() && hasInReplyToWithId(o.file())) {
                replies.add(o);
            }
        }
        long threaded = replies.stream().filter(o -> !o.mail().inReplyTo().isEmpty()).count();
        System.out.printf("MailParserCorpusTest: %d of %d easy_ham_2 replies with an In-Reply-To id got inReplyTo%n",
                threaded, replies.size());
        // the crude look finds 714 of them in this corpus: a ratio of an empty set would pass whatever the parser did
        assertThat(replies).as("easy_ham_2 replies with an In-Reply-To id").hasSizeGreaterThan(500);
        assertThat(threaded).isGreaterThanOrEqualTo(replies.size() * 95L / 100);
    }

    @Test
    void htmlOnlyMailStillHasText() {
        List<Outcome> htmlOnly = outcomes.stream().filter(Outcome::parsed)
                .filter(o -> o.mail().html() != null && o.mail().html().contains("<")).toList();
        long withText = htmlOnly.stream().filter(o -> !o.mail().text().isBlank()).count();
        System.out.printf("MailParserCorpusTest: %d of %d mails with HTML have text%n", withText, htmlOnly.size());
        // 453 in this corpus: if the parser kept no HTML, the ratio alone would pass
        assertThat(htmlOnly).as("parsed mails with HTML").hasSizeGreaterThan(300);
        assertThat(withText).isGreaterThanOrEqualTo(htmlOnly.size() * 9L / 10);
    }

    /** An independent, crude look at the raw header section: does it carry an In-Reply-To with an id? */
    private static boolean hasInReplyToWithId(Path file) throws IOException {
        String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        int end = raw.indexOf("\n\n");
        return IN_REPLY_TO_WITH_ID.matcher(end < 0 ? raw : raw.substring(0, end + 1)).find();
    }

    private String name(Path file) {
        return corpus.relativize(file).toString();
    }
}
