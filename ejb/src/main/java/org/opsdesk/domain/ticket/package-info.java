/**
 * Tickets: the aggregate root {@link org.opsdesk.domain.ticket.Ticket}, its status life cycle, messages,
 * attachments, links and immutable history.
 */
package org.opsdesk.domain.ticket;
