/** Polling of IMAP and POP3 mailboxes into the gateway. */
package org.opsdesk.mail.inbound.poll;
