/** Authentication through Jakarta Security: the HTTP mechanism (Basic, Bearer) and the agent identity store. */
package org.opsdesk.web.security;
