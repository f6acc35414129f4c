/** The "new ticket" form. */
package org.opsdesk.web.ui.newticket;
