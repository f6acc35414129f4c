package org.opsdesk.mail.inbound.steps;

import java.util.List;
import java.util.Objects;

import org.opsdesk.mail.inbound.parse.ParsedMail.DeliveryReport;

/**
 * What {@link MachineMailDetector} made of a mail: who wrote it, and why it thinks so.
 *
 * @param kind              human, or which kind of machine
 * @param reason            a short text naming what decided, e.g. {@code Auto-Submitted: auto-replied}; "" for
 *                          {@link Kind#HUMAN}
 * @param failedRecipients  for a bounce: the recipients the report says failed (may be empty); else empty
 * @param originalMessageId for a bounce: the Message-ID of the bounced message, when the report has it; else null
 */
public record MachineMailVerdict(Kind kind, String reason, List<String> failedRecipients,
        String originalMessageId) {

    /** Who wrote the mail. */
    public enum Kind {
        /** A person: make or update a ticket as usual. */
        HUMAN,
        /**
         * An automatic answer to a mail (out-of-office, vacation, read receipt): never answered; added to the ticket
         * it answers, and ignored when it answers none (one per agent reply per list member would be noise).
         */
        AUTO_REPLY,
        /**
         * A robot's own mail (a cron report, a cloud alarm, a no-reply sender, {@code Auto-Submitted:
         * auto-generated}): never answered; a ticket of its own when it threads to none.
         */
        AUTO_GENERATED,
        /** A non-delivery report about mail we sent. */
        BOUNCE,
        /** Mailing-list or bulk mail: no autoreply goes back to a list; a reply on a ticket counts as a person's. */
        LIST,
        /**
         * A person's mail that asks for no automatic answers ({@code X-Auto-Response-Suppress}, which Outlook and
         * Exchange set): handled as a person's, only never answered automatically.
         */
        QUIET,
        /** Our own mail came back to us. */
        LOOP
    }

    public MachineMailVerdict {
        Objects.requireNonNull(kind, "kind");
        reason = reason == null ? "" : reason;
        failedRecipients = failedRecipients == null ? List.of() : List.copyOf(failedRecipients);
    }

    static MachineMailVerdict human() {
        return new MachineMailVerdict(Kind.HUMAN, "", List.of(), null);
    }

    static MachineMailVerdict of(Kind kind, String reason) {
        return new MachineMailVerdict(kind, reason, List.of(), null);
    }

    static MachineMailVerdict bounce(String reason, DeliveryReport report) {
        return report == null ? of(Kind.BOUNCE, reason)
                : new MachineMailVerdict(Kind.BOUNCE, reason, report.failedRecipients(), report.originalMessageId());
    }

    /** Everything but {@link Kind#HUMAN}: no auto-acknowledgement, no notification back to the sender. */
    public boolean isMachine() {
        return kind != Kind.HUMAN;
    }
}
