/**
 * The queue view: one filtered, sorted, paged list of tickets (a queue, my tickets, unowned tickets)
 * with bulk actions, and the small endpoint its script asks for the list's fingerprint when a change is
 * pushed (see {@code org.opsdesk.web.live}), to refresh the list live.
 */
package org.opsdesk.web.ui.queue;
