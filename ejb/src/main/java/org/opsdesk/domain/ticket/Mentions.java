package org.opsdesk.domain.ticket;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agents an agent's message mentions as {@code @login} (Zammad's mentions): each is made a watcher of the ticket,
 * so hears of this message and the ones after it. A mention stands after the start, a space or an opening bracket or
 * quote, never inside an address ({@code alice@example.com}), a word or a URL ({@code https://host/@alice}); a
 * trailing dot or comma ends it. A login ending in {@code . _ -} is not mentioned (the mark would be read as
 * punctuation).
 */
public final class Mentions {

    /** The most agents one message mentions (more are read as words). */
    public static final int MAX = 20;

    private static final Pattern MENTION = Pattern.compile(
            "(?<![\\p{L}\\p{N}@._+/:=-])@([a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?)(?![a-z0-9@_-])",
            Pattern.CASE_INSENSITIVE);

    private Mentions() {
    }

    /**
     * The logins {@code text} mentions, lower-case, in order, each once, at most {@value #MAX}; not in quoted lines
     * ({@code >}), which mention whom an earlier message did.
     */
    public static Set<String> in(String text) {
        Set<String> logins = new LinkedHashSet<>();
        if (text == null) {
            return logins;
        }
        Matcher m = MENTION.matcher(text.replaceAll("(?m)^>.*$", ""));
        while (logins.size() < MAX && m.find()) {
            logins.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return logins;
    }
}
