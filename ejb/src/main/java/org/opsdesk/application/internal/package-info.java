/** Stateless implementations of the use cases: the transaction boundary. */
package org.opsdesk.application.internal;
