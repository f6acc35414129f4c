package org.opsdesk.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnalyzersTest {

    private final Analyzer prose = new ProseAnalyzer();
    private final Analyzer indexIdentifiers = IdentifierAnalyzer.forIndex();
    private final Analyzer queryIdentifiers = IdentifierAnalyzer.forQuery();

    /** A token with its position and offsets. */
    private record Token(String term, int position, int start, int end) {}

    private static List<Token> analyze(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), position, offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        return analyze(analyzer, text).stream().map(Token::term).toList();
    }

    @Test
    void proseIsStemmedLowerCasedFoldedWithoutStopWords() {
        assertThat(terms(prose, "The Servers' restarting café")).containsExactly("server", "restart", "cafe");
    }

    @Test
    void hostNamesYieldTheirLabelRuns() {
        assertThat(terms(indexIdentifiers, "db01.prod.example.com")).containsExactlyInAnyOrder(
                "db01.prod.example.com", "db01", "db01.prod", "db01.prod.example", "prod", "prod.example",
                "prod.example.com", "example", "example.com", "com");
    }

    @Test
    void ipAddressesStayWholeAndLoseThePort() {
        assertThat(terms(indexIdentifiers, "10.0.0.1:9100")).containsExactly("10.0.0.1:9100", "10.0.0.1", "9100");
        assertThat(terms(indexIdentifiers, "(10.0.0.1)")).containsExactly("10.0.0.1");
    }

    @Test
    void emailAddressesYieldLocalPartAndDomain() {
        assertThat(terms(indexIdentifiers, "<Dave@Partner.example>")).containsExactlyInAnyOrder(
                "dave@partner.example", "dave", "partner.example", "partner", "example");
    }

    @Test
    void errorCodesStayWholeWithTheirParts() {
        assertThat(terms(indexIdentifiers, "ORA-00942:")).containsExactly("ora-00942", "ora", "00942");
        assertThat(terms(indexIdentifiers, "0x80070005")).containsExactly("0x80070005");
        assertThat(terms(indexIdentifiers, "SQLSTATE 40001")).containsExactly("sqlstate", "40001");
    }

    @Test
    void camelCaseNamesYieldTheirWordRuns() {
        assertThat(terms(indexIdentifiers, "KubePodCrashLooping")).containsExactlyInAnyOrder(
                "kubepodcrashlooping", "kube", "kubepod", "kubepodcrash", "pod", "podcrash", "podcrashlooping",
                "crash", "crashlooping", "looping");
        assertThat(terms(indexIdentifiers, "NodeRAIDDegraded")).containsExactlyInAnyOrder(
                "noderaiddegraded", "node", "noderaid", "raid", "raiddegraded", "degraded");
    }

    @Test
    void partsShareTheWholeTokensPositionAndPointAtItsText() {
        String text = "see KubePodCrashLooping on db01.example.com:9100 now";

        List<Token> tokens = analyze(indexIdentifiers, text);

        assertThat(tokens).allSatisfy(token ->
                assertThat(text.substring(token.start, token.end).toLowerCase(Locale.ROOT)).isEqualTo(token.term));
        assertThat(tokens).filteredOn(token -> token.term.equals("crashlooping")).singleElement()
                .extracting(Token::position).isEqualTo(1);
        assertThat(tokens).filteredOn(token -> token.term.equals("example.com")).singleElement()
                .extracting(Token::position).isEqualTo(3);
        assertThat(tokens).last().isEqualTo(new Token("now", 4, text.length() - 3, text.length()));
        assertThat(tokens).extracting(Token::start).isSorted();
    }

    @Test
    void encodedDataIsNotSplitAtItsChangesOfCase() {
        // a line of Base64 (here with a '/' between its two segments) and a key: their segments are kept, their case
        // changes are noise
        assertThat(terms(indexIdentifiers, "iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB/CAYAAAAfFcSJAAAADUlEQVR42mNk"))
                .containsExactly("ivborw0kggoaaaansuheugaaaaeaaaab/cayaaaaffcsjaaaaduleqvr42mnk",
                        "ivborw0kggoaaaansuheugaaaaeaaaab", "cayaaaaffcsjaaaaduleqvr42mnk");
        // names keep their words, digits or not, however long
        assertThat(terms(indexIdentifiers, "S3BucketFull")).contains("bucket", "full");
        assertThat(terms(indexIdentifiers, "NginxHighHttp5xxErrorRate")).contains("errorrate", "http5xx", "nginx");
        assertThat(terms(indexIdentifiers, "EC2InstanceStatusCheckFailed")).contains("statuscheckfailed", "instance");
        assertThat(terms(indexIdentifiers, "AlertmanagerClusterFailedToSendAlerts")).contains("cluster", "sendalerts");
    }

    @Test
    void longNamesYieldSinglePiecesOnly() {
        assertThat(terms(indexIdentifiers, "a1-b2-c3-d4-e5-f6-g7-h8-i9")).hasSize(10);
    }

    @Test
    void queriesKeepIdentifiersWhole() {
        assertThat(terms(queryIdentifiers, "ORA-00942 KubePodCrashLooping #123 10.0.0.1:9100,"))
                .containsExactly("ora-00942", "kubepodcrashlooping", "123", "10.0.0.1:9100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "...", "- -", ":::", "a..b", "@@x@@", "__init__.py", "x:/", "\uD83D\uDE00"})
    void oddInputAnalysesCleanly(String text) {
        assertThat(analyze(indexIdentifiers, text)).allSatisfy(token -> assertThat(token.term).isNotBlank());
    }
}
