/**
 * The steps of the inbound pipeline, one class per job, each tested alone (like Apache James' mailets):
 * machine-mail detection ({@link org.opsdesk.mail.inbound.steps.MachineMailDetector}), thread correlation, …
 */
package org.opsdesk.mail.inbound.steps;
