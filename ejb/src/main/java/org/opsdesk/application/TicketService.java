package org.opsdesk.application;

import java.util.List;

import org.opsdesk.application.TicketCommands.AddMessage;
import org.opsdesk.application.TicketCommands.ChangeTicket;
import org.opsdesk.application.TicketCommands.CreateTicket;
import org.opsdesk.application.TicketCommands.TicketQuery;
import org.opsdesk.application.TicketViews.AttachmentData;
import org.opsdesk.application.TicketViews.HistoryView;
import org.opsdesk.application.TicketViews.TicketSummary;
import org.opsdesk.application.TicketViews.TicketView;

/**
 * The ticket use cases. Each call is one transaction; a merged ticket's number resolves to the ticket
 * it was merged into. {@code expectedVersion}, where given, makes a stale update fail with a conflict.
 */
public interface TicketService {

    TicketView create(CreateTicket command, Caller caller);

    TicketView get(long number, Caller caller);

    Page<TicketSummary> list(TicketQuery query, Caller caller);

    /** The most tickets one export answers. */
    int MAX_EXPORT = 10_000;

    /**
     * A listing for a spreadsheet: as {@link #list}, with pages of up to {@link #MAX_EXPORT} tickets (the query's
     * limit; 0: that many).
     */
    Page<TicketSummary> export(TicketQuery query, Caller caller);

    /**
     * The most recently updated ticket that a listing's filter matches (its offset, limit and sort ignored),
     * without counting them all: with the listing's total it makes the queue view's live-update fingerprint.
     */
    java.util.Optional<TicketSummary> latestUpdated(TicketQuery query, Caller caller);

    TicketView reply(long number, AddMessage message, Caller caller);

    TicketView comment(long number, AddMessage message, Caller caller);

    /**
     * Logs {@code minutes} the caller worked on the ticket (a negative number corrects an earlier entry; the total
     * never goes below zero), with a note; not tied to a message (a reply or comment logs its own with it).
     */
    TicketView logTime(long number, int minutes, String note, Caller caller);

    /**
     * The time logged on the ticket and on the tickets merged into it, oldest first: the entries its total adds up
     * (each names the ticket it was logged on); a merged number answers the ticket it went into, as {@link #get}.
     */
    List<org.opsdesk.application.TicketViews.TimeEntryView> timeEntries(long number, Caller caller);

    default TicketView changeStatus(long number, String status, String note, Long expectedVersion, Caller caller) {
        return changeStatus(number, status, note, null, expectedVersion, caller);
    }

    /**
     * Changes the status; {@code pendingUntil} (only with status {@code pending}) sets a pending reminder: at that time
     * the ticket opens again by itself and its owner is told. A pending ticket given another time only moves it.
     */
    TicketView changeStatus(long number, String status, String note, java.time.Instant pendingUntil,
            Long expectedVersion, Caller caller);

    /** {@code action} is take, steal, assign (to {@code agent}) or release. */
    TicketView changeOwner(long number, String action, String agent, Long expectedVersion, Caller caller);

    TicketView change(long number, ChangeTicket change, Caller caller);

    List<HistoryView> history(long number, Caller caller);

    /**
     * Adds the tags {@code add} to the ticket and takes {@code remove} off (each a tag as {@code PATCH} takes them),
     * whatever else it has: a bulk action or a script changes one tag without sending the whole list back.
     */
    TicketView tag(long number, List<String> add, List<String> remove, Caller caller);

    /**
     * Splits message {@code message} of ticket {@code number} off into a new ticket (a customer's new problem written
     * into an old thread): the new ticket, in {@code queue} (null: the same) with {@code subject} (null: the same),
     * starts with a copy of the message, its requester the message's author when a customer wrote it (else the
     * ticket's first requester), and refers to the old one, which keeps the message. A message is split off once
     * (409 {@code already_split} names the ticket it went to): a second click makes no second ticket.
     */
    TicketView split(long number, long message, String subject, String queue, Caller caller);

    /**
     * {@code agent} (a login; null, blank or {@code me}: the caller) watches the ticket from now on, told by mail of
     * each new message on it (RT's AdminCc, Zammad's subscribers); watching it already changes nothing. Any agent
     * may add a colleague, as assigning does; recorded in the history.
     */
    TicketView watch(long number, String agent, Caller caller);

    /** {@code agent} (as for {@link #watch}) no longer watches the ticket; not watching it changes nothing. */
    TicketView unwatch(long number, String agent, Caller caller);

    TicketView link(long number, String type, long target, Caller caller);

    TicketView unlink(long number, String type, long target, Caller caller);

    /**
     * Merges ticket {@code number} into {@code into}; 409 {@code already_merged} when {@code number} was merged
     * already (it stands for another ticket now), 409 {@code stale_ticket} when a version is given and it changed.
     */
    TicketView merge(long number, long into, Long expectedVersion, Caller caller);

    /**
     * Sends a message of the ticket on by mail to people outside it (a vendor, another team), its files attached; in
     * the history. Never to one of OpsDesk's own addresses (400 {@code own_address}).
     */
    TicketView forward(long number, TicketCommands.ForwardMessage forward, Caller caller);

    /**
     * Canned response {@code page} (a wiki page in {@code responses/}) for a reply on the ticket: its text with
     * {@code {{ticket.number}}}, {@code {{ticket.subject}}}, {@code {{ticket.tag}}}, {@code {{queue.name}}},
     * {@code {{requester.name}}}, {@code {{requester.email}}} and {@code {{agent.name}}} filled in; any other name in
     * braces is left as written, for the agent to see before sending.
     */
    String response(long number, String page, Caller caller);

    /**
     * The requesters' other tickets, most recently updated first, at most {@code limit} (RT's "More about the
     * requestors"): requesters with an address only.
     */
    List<TicketSummary> requesterTickets(long number, int limit, Caller caller);

    /** Every canned response (at most 100, by title), each filled in for the ticket as {@link #response} does. */
    List<org.opsdesk.application.TicketViews.CannedResponse> responses(long number, Caller caller);

    AttachmentData attachment(long number, long attachmentId, Caller caller);

    /**
     * The mail a message of the ticket was read from, byte for byte as it arrived (every header and part: RT's "show
     * full headers", Zammad's "download original"), named {@code ticket-N-message-M.eml}; for agents. A message written
     * in OpsDesk, or received before originals were linked to their messages, has none (404 {@code no_original}).
     */
    AttachmentData originalMail(long number, long messageId, Caller caller);
}
