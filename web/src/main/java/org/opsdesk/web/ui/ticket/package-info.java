/**
 * The ticket view: header, one timeline of messages and history, and the forms that change the
 * ticket. Changes carry the version the agent saw, so a stale form is refused, not applied.
 */
package org.opsdesk.web.ui.ticket;
