package org.opsdesk.search.lucene;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Trims punctuation off both ends of each token and lower-cases it; optionally follows it with its
 * parts, at the same position and in the order of their offsets:
 *
 * <ul>
 *   <li>the segments between {@code : / @ \}: {@code 10.0.0.1:9100} gives {@code 10.0.0.1} and
 *       {@code 9100}, {@code ops@example.com} gives {@code ops} and {@code example.com};
 *   <li>every run of consecutive labels between {@code . - _} (except in dotted numbers such as IP
 *       addresses): {@code db01.prod.example.com} gives {@code db01}, {@code prod.example.com},
 *       {@code example.com}, {@code db01.prod}…, {@code ORA-00942} gives {@code ora} and {@code
 *       00942};
 *   <li>every run of consecutive CamelCase words: {@code KubePodCrashLooping} gives {@code kube},
 *       {@code crashlooping}, {@code podcrash}…, {@code NodeRAIDDegraded} gives {@code raid}…
 * </ul>
 *
 * Runs are formed only from up to {@value #MAX_RUN_PIECES} pieces; longer names yield single pieces. Labels that look
 * like encoded data (see {@link #looksEncoded}) are not split at their changes of case.
 */
final class IdentifierFilter extends TokenFilter {

    private static final int MAX_RUN_PIECES = 8;
    /** Labels this short are names, whatever their shape (see {@link #looksEncoded}). */
    private static final int MIN_ENCODED_LENGTH = 16;
    private static final String SEGMENT_SEPARATORS = ":/@\\";
    private static final String LABEL_SEPARATORS = ".-_";

    private final boolean withParts;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final Deque<Part> pending = new ArrayDeque<>();
    private int skippedPositions;

    IdentifierFilter(TokenStream input, boolean withParts) {
        super(input);
        this.withParts = withParts;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            emit(pending.removeFirst(), 0);
            return true;
        }
        while (input.incrementToken()) {
            char[] buffer = term.buffer();
            int first = 0;
            int last = term.length();
            while (first < last && !Character.isLetterOrDigit(buffer[first])) {
                first++;
            }
            while (last > first && !Character.isLetterOrDigit(buffer[last - 1])) {
                last--;
            }
            if (first == last) {
                skippedPositions += increment.getPositionIncrement();
                continue;
            }
            int start = offset.startOffset() + first;
            int positionIncrement = increment.getPositionIncrement() + skippedPositions;
            skippedPositions = 0;
            if (withParts && mayHaveParts(buffer, first, last)) {
                String token = new String(buffer, first, last - first);
                for (Span span : parts(token)) {
                    pending.add(new Part(lowerCase(span.of(token)), start + span.start, start + span.end));
                }
                emit(new Part(lowerCase(token), start, start + token.length()), positionIncrement);
                return true;
            }
            // most tokens are plain words: trimmed and lower-cased in place, no parts to look for
            int length = last - first;
            for (int i = 0; i < length; i++) {
                buffer[i] = Character.toLowerCase(buffer[first + i]);
            }
            term.setLength(length);
            offset.setOffset(start, start + length);
            increment.setPositionIncrement(positionIncrement);
            return true;
        }
        return false;
    }

    @Override
    public void end() throws IOException {
        super.end();
        increment.setPositionIncrement(increment.getPositionIncrement() + skippedPositions);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        skippedPositions = 0;
    }

    private void emit(Part part, int positionIncrement) {
        clearAttributes();
        term.setEmpty().append(part.text);
        offset.setOffset(part.start, part.end);
        increment.setPositionIncrement(positionIncrement);
    }

    /** Whether a trimmed token may have parts: it holds a separator, or an upper-case letter after its first. */
    private static boolean mayHaveParts(char[] token, int first, int last) {
        for (int i = first; i < last; i++) {
            char c = token[i];
            boolean separator = SEGMENT_SEPARATORS.indexOf(c) >= 0 || LABEL_SEPARATORS.indexOf(c) >= 0;
            if (separator || i > first && Character.isUpperCase(c)) {
                return true;
            }
        }
        return false;
    }

    /** The parts of a trimmed token, without the token itself, ordered by offsets, distinct. */
    private static List<Span> parts(String token) {
        List<Span> parts = new ArrayList<>();
        List<Span> segments = split(token, new Span(0, token.length()), SEGMENT_SEPARATORS);
        if (segments.size() > 1) {
            parts.addAll(segments);
        }
        for (Span segment : segments) {
            List<Span> labels = split(token, segment, LABEL_SEPARATORS);
            if (labels.size() > 1 && !labels.stream().allMatch(label -> isNumber(label.of(token)))) {
                parts.addAll(runs(labels));
            }
            for (Span label : labels) {
                List<Span> words = camelCaseWords(token, label);
                if (words.size() > 1 && !looksEncoded(token, label, words)) {
                    parts.addAll(runs(words));
                }
            }
        }
        Set<String> seen = new HashSet<>(Set.of(lowerCase(token)));
        return parts.stream()
                .sorted(Comparator.comparingInt(Span::start).thenComparingInt(Span::end))
                .filter(span -> seen.add(lowerCase(span.of(token))))
                .toList();
    }

    /** Every run of consecutive pieces except the run of all of them. */
    private static List<Span> runs(List<Span> pieces) {
        int n = pieces.size();
        int longest = n > MAX_RUN_PIECES ? 1 : n - 1;
        List<Span> runs = new ArrayList<>();
        for (int first = 0; first < n; first++) {
            for (int last = first; last < Math.min(n, first + longest); last++) {
                runs.add(new Span(pieces.get(first).start, pieces.get(last).end));
            }
        }
        return runs;
    }

    /** The non-empty pieces of {@code span} between separators, trimmed of punctuation. */
    private static List<Span> split(String token, Span span, String separators) {
        List<Span> pieces = new ArrayList<>();
        int start = span.start;
        for (int i = span.start; i <= span.end; i++) {
            if (i == span.end || separators.indexOf(token.charAt(i)) >= 0) {
                Span piece = new Span(start, i).trim(token);
                if (!piece.isEmpty()) {
                    pieces.add(piece);
                }
                start = i + 1;
            }
        }
        return pieces;
    }

    /** Words of a CamelCase label: {@code KubePod} is Kube, Pod; {@code RAIDDegraded} is RAID, Degraded. */
    private static List<Span> camelCaseWords(String token, Span label) {
        List<Span> words = new ArrayList<>();
        int start = label.start;
        for (int i = label.start + 1; i < label.end; i++) {
            char previous = token.charAt(i - 1);
            char current = token.charAt(i);
            boolean nextIsLower = i + 1 < label.end && Character.isLowerCase(token.charAt(i + 1));
            boolean boundary = Character.isUpperCase(current)
                    && (Character.isLowerCase(previous)
                            || (Character.isUpperCase(previous) || Character.isDigit(previous)) && nextIsLower);
            if (boundary) {
                words.add(new Span(start, i));
                start = i;
            }
        }
        words.add(new Span(start, label.end));
        return words;
    }

    /**
     * Whether a label is a key or encoded data rather than a name: digits among its letters, and either more than
     * {@value #MAX_RUN_PIECES} changes of case or words of one or two letters for half of them, as in a line of Base64
     * ({@code CAYAAAAfFcSJAAAADUlEQVR42mNk}). Split, each such line gave a score of parts found nowhere else, a fifth
     * of the identifier field's distinct terms for the mail corpus. Names keep their words, digits or not ({@code
     * NginxHighHttp5xxErrorRate}, {@code EC2InstanceStatusCheckFailed}, {@code S3BucketFull}).
     */
    private static boolean looksEncoded(String token, Span label, List<Span> words) {
        if (label.end - label.start <= MIN_ENCODED_LENGTH) {
            return false;
        }
        boolean digit = false;
        for (int i = label.start; i < label.end && !digit; i++) {
            digit = Character.isDigit(token.charAt(i));
        }
        if (!digit) {
            return false;
        }
        long tiny = words.stream().filter(word -> word.end - word.start <= 2).count();
        return words.size() > MAX_RUN_PIECES || tiny * 2 >= words.size();
    }

    private static boolean isNumber(String text) {
        return text.chars().allMatch(Character::isDigit);
    }

    /** Lower-cases char by char, so that offsets stay valid. */
    private static String lowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    /** A range of characters of a token: {@code start} inclusive, {@code end} exclusive. */
    private record Span(int start, int end) {

        boolean isEmpty() {
            return start >= end;
        }

        String of(String text) {
            return text.substring(start, end);
        }

        /** This span without non-alphanumeric characters at either end. */
        Span trim(String text) {
            int first = start;
            int last = end;
            while (first < last && !Character.isLetterOrDigit(text.charAt(first))) {
                first++;
            }
            while (last > first && !Character.isLetterOrDigit(text.charAt(last - 1))) {
                last--;
            }
            return new Span(first, last);
        }
    }

    private record Part(String text, int start, int end) {}
}
