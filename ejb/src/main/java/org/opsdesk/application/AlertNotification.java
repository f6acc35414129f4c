package org.opsdesk.application;

import java.util.Map;

/**
 * One monitoring notification, normalised from whatever format carried it (Alertmanager and Nagios
 * webhooks, the generic JSON form, later Nagios and Icinga mails): which problem ({@code key}; null to
 * derive it from host and service), on which host and service, what happened ({@link Type}), the
 * reported state and severity, a one-line summary, the details (plugin output, description), a
 * runbook link, who acknowledged with which comment, and the labels a sender attached.
 *
 * @param source the name of the alert source as the sender claims it (the caller's credential decides)
 */
public record AlertNotification(String source, String key, String host, String address, String service, Type type,
        String state, String severity, String summary, String details, String runbookUrl, String author,
        String comment, Map<String, String> labels) {

    /** What happened, named as Nagios names it. */
    public enum Type {
        PROBLEM, RECOVERY, ACKNOWLEDGEMENT, DOWNTIMESTART, DOWNTIMEEND, FLAPPINGSTART, FLAPPINGSTOP, CUSTOM
    }

    public AlertNotification {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
