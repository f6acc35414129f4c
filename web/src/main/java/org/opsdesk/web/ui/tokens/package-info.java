/** The agent's own API tokens: create (the secret is shown once), list, revoke. */
package org.opsdesk.web.ui.tokens;
