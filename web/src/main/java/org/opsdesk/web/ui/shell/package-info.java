/** The layout shell around every screen: the queue switcher and the navigation with live counts. */
package org.opsdesk.web.ui.shell;
