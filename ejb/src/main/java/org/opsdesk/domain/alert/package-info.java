/**
 * Monitoring alerts: the sources that send them, one {@link org.opsdesk.domain.alert.Alert} per problem
 * (identified by its {@link org.opsdesk.domain.alert.AlertKey}) and the timeline of every notification.
 */
package org.opsdesk.domain.alert;
