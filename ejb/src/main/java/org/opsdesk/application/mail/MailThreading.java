package org.opsdesk.application.mail;

import java.util.List;
import java.util.Optional;

/** Look-ups the gateway's correlation step needs, and OpsDesk's own mail conventions. */
public interface MailThreading {

    /**
     * The ticket one of these Message-IDs belongs to: a message stored on a ticket, or one of our own
     * outbound Message-IDs whose signature checks out. The current number (after merges) is answered.
     */
    Optional<Long> ticketForMessageIds(List<String> messageIds);

    /**
     * The ticket of one of our own outbound Message-IDs whose signature checks out (the current number, after merges);
     * empty for any other id, a stored one included: anyone who saw a thread knows its stored ids.
     */
    Optional<Long> ticketOfOwnMessageId(String messageId);

    /** The ticket number of a subject tag such as {@code [OpsDesk #123]}, if the subject has one. */
    Optional<Long> taggedTicket(String subject);

    /** Whether {@code address} is a requester, on the Cc list or an agent (then the subject tag counts). */
    boolean mayUseTag(long ticket, String address);

    /** The current number of a ticket (following merges), if it exists. */
    Optional<Long> existing(long ticket);

    /** Our own addresses (queues' correspond and comment addresses, the default sender). */
    java.util.Set<String> ownAddresses();

    /**
     * The blocked-sender rule ({@code spam@example.com} or {@code @example.com}) that matches one of a mail's senders
     * (its From, Sender, Return-Path: a cron job's {@code From: root} is known by its Return-Path), if any: its mail is
     * stored and ignored. Values that are no address are passed over.
     */
    Optional<String> blockedBy(List<String> senders);

    /** The name of the header our outbound mail carries against loops. */
    String loopHeader();

    /** Its value in our outbound mail: what marks a mail as one of ours come back. */
    String loopValue();
}
