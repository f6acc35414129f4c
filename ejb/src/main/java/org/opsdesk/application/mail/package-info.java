/**
 * The application API of mail: what the mail gateway and the web layer call (storing raw mail,
 * delivering it to tickets, threading look-ups, the outbox, mailboxes). Implemented in
 * {@code application.internal.mail}, except {@link org.opsdesk.application.mail.MailGateway}, which the
 * mail-gateway module implements.
 */
package org.opsdesk.application.mail;
