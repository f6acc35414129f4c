package org.opsdesk.application;

import java.util.Map;

/**
 * One monitoring notification, normalised from whatever format carried it (Alertmanager and Nagios
 * webhooks, the generic JSON form, later Nagios and Icinga mails): which problem ({@code key}; null to
 * derive it from host and service), on which host and service, what happened ({@link Type}), the
 * reported state and severity, a one-line summary, the details (plugin output, description), a
 * runbook link, who acknowledged with which comment, the labels a sender attached, and when it happened.
 *
 * @param source the name of the alert source as the sender claims it (the caller's credential decides)
 * @param at     when the monitoring says the event happened (Nagios's {@code TIMET}, Alertmanager's {@code endsAt} of
 *               a recovery, the time in a monitoring mail), or null when it does not say: then the order of arrival
 *               decides
 * @param since  when the monitoring says the problem began, where it says that rather than when it notified
 *               (Alertmanager's {@code startsAt}: every repeat of a firing alert, and a firing again after Alertmanager
 *               resolved it for want of news from Prometheus, carries the first one); null otherwise
 */
public record AlertNotification(String source, String key, String host, String address, String service, Type type,
        String state, String severity, String summary, String details, String runbookUrl, String author,
        String comment, Map<String, String> labels, java.time.Instant at, java.time.Instant since) {

    /** What happened; a notification without a type is refused (400 type_required) before any alert is taken. */
    public Type requiredType() {
        if (type == null) {
            throw org.opsdesk.domain.DomainException.invalid("type_required",
                    "Each alert needs a type (PROBLEM, RECOVERY, …) or a state.");
        }
        return type;
    }

    /**
     * Refuses (400) a notification that names no type ({@code type_required}) or no alert ({@code alert_key_required}:
     * no key, no Alertmanager labels, no host). Every notification of a request is checked before any is taken: a bad
     * one must not leave the others half taken, nor a host made or marked for a request refused.
     */
    public void check() {
        requiredType();
        keyNaming(null);
    }

    /**
     * The key of this notification's alert: the key it names, else Alertmanager's labels, else its host (as
     * {@code host} names it; null: as written) and service.
     */
    public org.opsdesk.domain.alert.AlertKey keyNaming(org.opsdesk.domain.host.HostName host) {
        if (key != null && !key.isBlank()) {
            return org.opsdesk.domain.alert.AlertKey.of(key);
        }
        if (labels.containsKey("alertname")) {
            return org.opsdesk.domain.alert.AlertKey.alertmanager(null, labels);
        }
        if (host != null || (this.host != null && !this.host.isBlank())) {
            return org.opsdesk.domain.alert.AlertKey.hostService(host != null ? host.value() : this.host, service);
        }
        throw org.opsdesk.domain.DomainException.invalid("alert_key_required",
                "An alert needs a key, or a host (with a service for service alerts), or Alertmanager labels.");
    }

    /** What happened, named as Nagios names it. */
    public enum Type {
        PROBLEM, RECOVERY, ACKNOWLEDGEMENT, DOWNTIMESTART, DOWNTIMEEND, FLAPPINGSTART, FLAPPINGSTOP, CUSTOM;

        /**
         * The type a monitoring system names, leniently, or empty when it names none: Nagios's and Icinga's other
         * names of an end ({@code FLAPPINGDISABLED}, {@code FLAPPINGEND}; {@code DOWNTIMECANCELLED},
         * {@code DOWNTIMEREMOVED}), {@code ACK}, and the states Alertmanager and plain senders give
         * ({@code RESOLVED}, {@code OK}, {@code UP} recover; {@code FIRING} is a problem). The one reading of a type
         * for the webhooks and the mail reader alike.
         */
        public static java.util.Optional<Type> fromCode(String code) {
            String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
            Type alias = switch (c) {
                case "DOWNTIMECANCELLED", "DOWNTIMEREMOVED" -> DOWNTIMEEND;
                case "FLAPPINGDISABLED", "FLAPPINGEND" -> FLAPPINGSTOP;
                case "ACK", "ACKNOWLEDGE" -> ACKNOWLEDGEMENT;
                case "RESOLVED", "OK", "UP" -> RECOVERY;
                case "FIRING" -> PROBLEM;
                default -> null;
            };
            if (alias != null) {
                return java.util.Optional.of(alias);
            }
            return java.util.Arrays.stream(values()).filter(t -> t.name().equals(c)).findFirst();
        }
    }

    public AlertNotification {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
