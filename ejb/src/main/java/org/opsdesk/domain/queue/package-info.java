/** Queues: where tickets wait, with their mail addresses. */
package org.opsdesk.domain.queue;
