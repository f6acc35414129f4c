/** People: agents who work tickets and customers known by e-mail address; API tokens of agents. */
package org.opsdesk.domain.party;
