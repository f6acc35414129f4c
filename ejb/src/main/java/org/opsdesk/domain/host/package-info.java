/** Hosts that monitoring reports on: names (FQDN or short), addresses, aliases, tags, their tickets. */
package org.opsdesk.domain.host;
