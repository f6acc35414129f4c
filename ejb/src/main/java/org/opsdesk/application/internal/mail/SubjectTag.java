package org.opsdesk.application.internal.mail;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opsdesk.domain.OneLine;

/** The subject tag {@code [OpsDesk #123]} (the text is configurable): adding it and reading it back. */
public final class SubjectTag {

    private final String text;
    private final Pattern pattern;

    public SubjectTag(String text) {
        this.text = text;
        this.pattern = Pattern.compile("\\[" + Pattern.quote(text) + "\\s*#(\\d{1,18})\\]", Pattern.CASE_INSENSITIVE);
    }

    public Optional<Long> ticketIn(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(subject);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** The subject with this ticket's tag in front, unless it carries it already. */
    public String tag(long ticket, String subject) {
        String s = subject == null ? "" : OneLine.of(subject);
        if (ticketIn(s).filter(n -> n == ticket).isPresent()) {
            return s;
        }
        return "[" + text + " #" + ticket + "] " + s;
    }
}
