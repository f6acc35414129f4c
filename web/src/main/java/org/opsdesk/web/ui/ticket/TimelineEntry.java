package org.opsdesk.web.ui.ticket;

import java.time.Instant;

import org.opsdesk.application.TicketViews.HistoryView;
import org.opsdesk.application.TicketViews.MessageView;
import org.opsdesk.application.QuotedText;

/**
 * One entry of a ticket's timeline: a message (with its text, and its sanitised HTML if any, split from the
 * quote) or a history event.
 */
public record TimelineEntry(Instant at, MessageView message, QuotedText text, QuotedHtml html, HistoryView event) {

    /** A message; {@code fileUrl} is the URL of its ticket's attachments by id, for its inline images. */
    static TimelineEntry of(MessageView m, String fileUrl) {
        return new TimelineEntry(m.createdAt(), m, QuotedText.split(m.text()),
                QuotedHtml.split(InlineImages.resolve(m.html(), m.attachments(), fileUrl)), null);
    }

    static TimelineEntry of(HistoryView h) {
        return new TimelineEntry(h.at(), null, null, null, h);
    }

    public boolean isMessage() {
        return message != null;
    }

    /** How the view names a message's kind, in words (not only by colour). */
    public String label() {
        return switch (kind()) {
            case "reply" -> "Reply to the requester";
            case "comment" -> "Internal comment";
            case "inbound" -> "From the requester"; // by mail, or written down by an agent (a phone call)
            default -> "";
        };
    }

    /** {@code reply}, {@code comment} or {@code inbound} for messages; {@code event} otherwise. */
    public String kind() {
        return message != null ? message.kind() : "event";
    }
}
