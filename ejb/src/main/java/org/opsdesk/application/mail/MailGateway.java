package org.opsdesk.application.mail;

/**
 * Inbound mail from any path (MTA pipe, IMAP/POP3 poller): stores the raw message first, then
 * processes it in its own transaction. Implemented by the mail-gateway module.
 */
public interface MailGateway {

    /**
     * {@code source}: "pipe", "imap:NAME"…; {@code queue} null = default queue; {@code action}:
     * correspond|comment; {@code alertSource}: the alert source whose intake this is (its Nagios and
     * Icinga notification mails become alerts), or null.
     */
    MailOutcome ingest(byte[] raw, String source, String queue, String action, String alertSource);

    /** Runs a quarantined (or stuck) message through the pipeline again. */
    MailOutcome reprocess(long inboundId);
}
