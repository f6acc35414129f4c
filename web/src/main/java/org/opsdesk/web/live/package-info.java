/**
 * Server-sent events of committed ticket changes: {@code GET /api/events} for scripts (Basic or a
 * token) and {@code GET /events} for the agent UI (its login session), which the queue view listens
 * to so that its list updates without a reload.
 */
package org.opsdesk.web.live;
