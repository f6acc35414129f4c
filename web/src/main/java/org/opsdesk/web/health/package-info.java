/** /health on the application port. */
package org.opsdesk.web.health;
