/** Implementations of the mail application API: storing and delivering inbound mail, threading, the outbox. */
package org.opsdesk.application.internal.mail;
