/**
 * The application API: use-case interfaces, command and view records, and the exceptions callers map.
 * The only package that {@code web} and {@code mail-gateway} import.
 */
package org.opsdesk.application;
