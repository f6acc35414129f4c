/** Outbound mail: MIME composition and the sender that drains the outbox. */
package org.opsdesk.mail.outbound;
