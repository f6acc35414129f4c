/**
 * The plain-servlet parts of the agent UI: security headers on every UI response, the login page,
 * attachment downloads under the login session, and the small endpoint the queue view polls.
 */
package org.opsdesk.web.ui.http;
