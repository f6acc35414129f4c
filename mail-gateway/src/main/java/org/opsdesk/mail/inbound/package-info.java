/** The inbound pipeline: store raw first, then parse, detect machine mail, correlate, deliver. */
package org.opsdesk.mail.inbound;
