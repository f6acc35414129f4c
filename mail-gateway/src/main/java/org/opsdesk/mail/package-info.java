/** Inbound and outbound mail adapters; uses only the ejb module's application API. */
package org.opsdesk.mail;
