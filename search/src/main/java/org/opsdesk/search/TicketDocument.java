package org.opsdesk.search;

import java.time.Instant;
import java.util.List;

/**
 * What the index knows about a ticket. Lists may be given as {@code null} (empty); strings and
 * instants may be {@code null} when unknown.
 *
 * @param number the ticket number, the document's identity
 * @param subject the subject, searched and shown as the hit's title
 * @param messages the texts of the public messages
 * @param internalNotes the texts of internal comments: only agents match and see them
 * @param attachmentNames file names of attachments
 * @param requesters the requesters' e-mail addresses: the customers who may see the ticket
 * @param cc e-mail addresses in copy
 * @param queue the queue's name
 * @param status the status code, e.g. {@code "open"} or {@code "resolved"}
 * @param open whether the status counts as open (matched by {@code status:open})
 * @param owner the owning agent's login, or {@code null}
 * @param priority the priority code
 * @param hosts host names the ticket is about
 * @param hostAliases the other names of those hosts: matched like their names, not counted as hosts of their own
 * @param alertNames names of alerts linked to the ticket
 * @param created when the ticket was created
 * @param updated when the ticket last changed
 * @param tags the ticket's tags, filtered by {@code tag:} and counted in the {@code tag} facet, as pages' are
 */
public record TicketDocument(
        long number,
        String subject,
        List<String> messages,
        List<String> internalNotes,
        List<String> attachmentNames,
        List<String> requesters,
        List<String> cc,
        String queue,
        String status,
        boolean open,
        String owner,
        String priority,
        List<String> hosts,
        List<String> hostAliases,
        List<String> alertNames,
        Instant created,
        Instant updated,
        List<String> tags) {

    /** A ticket without tags. */
    public TicketDocument(long number, String subject, List<String> messages, List<String> internalNotes,
            List<String> attachmentNames, List<String> requesters, List<String> cc, String queue, String status,
            boolean open, String owner, String priority, List<String> hosts, List<String> hostAliases,
            List<String> alertNames, Instant created, Instant updated) {
        this(number, subject, messages, internalNotes, attachmentNames, requesters, cc, queue, status, open, owner,
                priority, hosts, hostAliases, alertNames, created, updated, List.of());
    }

    /** Copies the lists, turning {@code null} into empty lists. */
    public TicketDocument {
        messages = Lists.copy(messages);
        internalNotes = Lists.copy(internalNotes);
        attachmentNames = Lists.copy(attachmentNames);
        requesters = Lists.copy(requesters);
        cc = Lists.copy(cc);
        hosts = Lists.copy(hosts);
        hostAliases = Lists.copy(hostAliases);
        alertNames = Lists.copy(alertNames);
        tags = Lists.copy(tags);
    }
}
