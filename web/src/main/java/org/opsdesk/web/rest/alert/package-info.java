/**
 * Monitoring over HTTP: the webhook formats (Alertmanager, Nagios form and JSON, the generic JSON),
 * each parsed by pure functions into {@link org.opsdesk.application.AlertNotification}s, the intake and
 * source resources, and the host resource.
 */
package org.opsdesk.web.rest.alert;
