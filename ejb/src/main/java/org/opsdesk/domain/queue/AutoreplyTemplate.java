package org.opsdesk.domain.queue;

import java.util.List;
import java.util.Map;

import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.Placeholders;

/**
 * The text of a queue's autoreply to a new ticket (plain text), with placeholders in double braces that are filled
 * in for each ticket, as RT's and Zammad's autoreply templates are edited per queue:
 * {@code {{ticket.number}}}, {@code {{ticket.subject}}}, {@code {{ticket.tag}}} (the subject tag, such as {@code
 * [OpsDesk #123]}), {@code {{queue.name}}}, {@code {{requester.name}}} and {@code {{requester.email}}}. Any other
 * name in double braces is refused when the template is saved, so a typo never reaches a customer.
 */
public final class AutoreplyTemplate {

    /** The placeholders a template may use, in the order the editor lists them. */
    public static final List<String> PLACEHOLDERS = List.of("ticket.number", "ticket.subject", "ticket.tag",
            "queue.name", "requester.name", "requester.email");

    /** The longest template kept. */
    public static final int MAX_LENGTH = 5000;

    /** What every queue sends until an admin changes it. */
    public static final String DEFAULT = """
            Hello,

            thank you for your message. We opened ticket #{{ticket.number}} for it:

                {{ticket.subject}}

            Please keep {{ticket.tag}} in the subject when you write about it, or simply reply to this mail.

            --\s
            {{queue.name}}
            """;

    private AutoreplyTemplate() {
    }

    /**
     * A template fit to be kept: {@code null} for blank text (the queue then sends {@link #DEFAULT}), the text with
     * its line ends made {@code \n} otherwise.
     *
     * @throws DomainException (invalid) when the text is too long or names an unknown placeholder
     */
    public static String valid(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalized.length() > MAX_LENGTH) {
            throw DomainException.invalid("template_too_long", "The autoreply template has " + normalized.length()
                    + " characters; at most " + MAX_LENGTH + " are kept.");
        }
        Placeholders.requireKnown(normalized, PLACEHOLDERS, "The autoreply template");
        return normalized;
    }

    /**
     * The template with its placeholders filled in from {@code values} (by placeholder name; a missing or null value
     * is left empty). Values are inserted as they are: the result is plain text, never markup.
     */
    public static String render(String template, Map<String, String> values) {
        return Placeholders.fill(template == null ? DEFAULT : template, values, unknown -> "");
    }
}
