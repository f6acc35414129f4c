/** The hosts screens: the list with a filter, and a host's page (tickets, alerts, timeline, runbooks, notes). */
package org.opsdesk.web.ui.host;
