/** Mail as OpsDesk keeps it: raw inbound messages (never lost), the outbox, mailboxes to poll. */
package org.opsdesk.domain.mail;
