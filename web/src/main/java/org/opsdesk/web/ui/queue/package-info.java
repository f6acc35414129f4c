/**
 * The queue view: one filtered, sorted, paged list of tickets (a queue, my tickets, unowned tickets)
 * with bulk actions, and the small endpoint its script polls to refresh the list live.
 */
package org.opsdesk.web.ui.queue;
