package org.opsdesk.application;

import java.util.List;

/** Queues: listed by every agent, created and changed by admins. */
public interface QueueService {

    /** The placeholders an autoreply text may use ({@code {{ticket.number}}} and so on), in the editor's order. */
    List<String> AUTOREPLY_PLACEHOLDERS = org.opsdesk.domain.queue.AutoreplyTemplate.PLACEHOLDERS;

    /** The placeholders a signature may use ({@code {{agent.name}}} and so on), in the editor's order. */
    List<String> SIGNATURE_PLACEHOLDERS = org.opsdesk.domain.queue.Signature.PLACEHOLDERS;

    /**
     * A queue as shown.
     *
     * @param autoReplyTemplate        the text of its autoreply (see {@code AutoreplyTemplate})
     * @param autoReplyTemplateDefault whether that is the default text
     * @param signature                under its agents' public replies (placeholders unfilled); null: none
     * @param sla                      its service level
     */
    record QueueView(long id, String name, String description, String correspondAddress, String commentAddress,
            boolean isDefault, boolean autoReply, String autoReplyTemplate, boolean autoReplyTemplateDefault,
            List<String> notifyOnNew, String signature, Sla sla) {
    }

    /**
     * A queue's service level (see {@code ServiceLevel}): per priority ({@code urgent}, {@code high}, {@code normal},
     * {@code low}), minutes to the first public reply and to the resolution, counted in {@code businessHours}
     * ({@code Mon-Fri 09:00-17:00 Europe/Berlin}; null, blank or {@code 24x7}: always). A priority left out, or
     * with neither target, has no deadline. {@code warnPercent}: the share of a target's time (1-99) after which a
     * ticket warns that the deadline nears (null: never).
     */
    record Sla(String businessHours, java.util.Map<String, SlaTarget> targets, Integer warnPercent) {
    }

    /** Minutes to the first public reply and to the resolution; null: no target. */
    record SlaTarget(Integer response, Integer resolution) {
    }

    /**
     * A queue to create, or the changes to one: {@code null} leaves a value as it is.
     *
     * @param autoReplyTemplate the autoreply's text with its placeholders; blank goes back to the default
     * @param signature         the signature under agents' replies, with its placeholders; blank: none
     * @param sla               the whole new service level (its tickets' deadlines follow it); null: unchanged
     */
    record QueueCommand(String name, String description, String correspondAddress, String commentAddress,
            Boolean isDefault, Boolean autoReply, String autoReplyTemplate, List<String> notifyOnNew,
            String signature, Sla sla) {
    }

    List<QueueView> list();

    QueueView get(String name);

    QueueView create(QueueCommand command, Caller caller);

    QueueView update(String name, QueueCommand command, Caller caller);
}
