package org.opsdesk.mail.inbound.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opsdesk.application.mail.MailThreading;
import org.opsdesk.mail.inbound.parse.ParsedMail;

/**
 * Finds the ticket a message belongs to, in this order: In-Reply-To and References against the
 * Message-IDs OpsDesk stored or sent (ours are signed, so they cannot be forged); then the subject tag,
 * honoured only when the sender is a requester, on the Cc list or an agent of that ticket. A tag from
 * anyone else opens a new ticket that refers to the quoted one, so nobody can slip mail into a
 * stranger's ticket by quoting its number.
 */
public final class ThreadCorrelator {

    /**
     * The ticket the message belongs to, or the one it merely quoted (then {@code threaded} is false);
     * {@code byHeaders} when its In-Reply-To or References named it (not its subject tag).
     */
    public record Correlation(Long ticket, boolean threaded, boolean byHeaders, String reason) {

        public static Correlation none() {
            return new Correlation(null, false, false, "no thread: a new ticket");
        }
    }

    private final MailThreading threading;

    public ThreadCorrelator(MailThreading threading) {
        this.threading = threading;
    }

    public Correlation correlate(ParsedMail mail) {
        Optional<Long> t = byHeaders(mail);
        if (t.isPresent()) {
            return new Correlation(t.get(), true, true, "threaded by In-Reply-To/References to #" + t.get());
        }
        Optional<Long> tagged = threading.taggedTicket(mail.subject()).flatMap(threading::existing);
        if (tagged.isPresent()) {
            long n = tagged.get();
            if (mail.fromAddress() != null && threading.mayUseTag(n, mail.fromAddress())) {
                return new Correlation(n, true, false, "subject tag #" + n + " from a participant");
            }
            return new Correlation(n, false, false, "subject tag #" + n + " from " + mail.fromAddress()
                    + ", who is not a participant: a new ticket referring to #" + n);
        }
        return Correlation.none();
    }

    /** The ticket of a Message-ID the mail answers or refers to (In-Reply-To first, then the latest reference). */
    private Optional<Long> byHeaders(ParsedMail mail) {
        List<String> ids = new ArrayList<>(mail.inReplyTo());
        List<String> refs = new ArrayList<>(mail.references());
        java.util.Collections.reverse(refs);
        ids.addAll(refs);
        return ids.isEmpty() ? Optional.empty() : threading.ticketForMessageIds(ids);
    }
}
