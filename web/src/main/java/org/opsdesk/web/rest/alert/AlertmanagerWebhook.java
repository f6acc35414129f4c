package org.opsdesk.web.rest.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.opsdesk.application.AlertNotification;
import org.opsdesk.application.AlertNotification.Type;
import org.opsdesk.domain.DomainException;

/**
 * Alertmanager's webhook (version 4) into notifications: one per alert in the body, each by its own
 * {@code status} (a group may mix firing and resolved whatever the top-level status says), its
 * fingerprint as the key, {@code instance} (without the port) as the host, {@code alertname} as the
 * service, {@code severity}, and the annotations {@code summary}, {@code description},
 * {@code runbook_url}. Pure: no server needed.
 */
public final class AlertmanagerWebhook {

    private AlertmanagerWebhook() {
    }

    public static List<AlertNotification> parse(JsonObject body, String source) {
        JsonValue alerts = body == null ? null : body.get("alerts");
        if (alerts == null || alerts.getValueType() != JsonValue.ValueType.ARRAY) {
            throw DomainException.invalid("invalid_alertmanager_body",
                    "An Alertmanager webhook body (version 4) has an \"alerts\" array.");
        }
        List<AlertNotification> out = new ArrayList<>();
        for (JsonValue v : alerts.asJsonArray()) {
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw DomainException.invalid("invalid_alertmanager_body", "Each alert is a JSON object.");
            }
            out.add(alert(v.asJsonObject(), source));
        }
        return out;
    }

    static AlertNotification alert(JsonObject a, String source) {
        Map<String, String> labels = Payloads.strings(a, "labels");
        Map<String, String> annotations = Payloads.strings(a, "annotations");
        String status = Payloads.text(a, "status");
        boolean resolved = "resolved".equalsIgnoreCase(status);
        String alertname = Payloads.blankToNull(labels.get("alertname"));
        String host = firstOf(labels, "instance", "host", "hostname", "nodename");
        String summary = firstOf(annotations, "summary", "title", "message");
        if (summary == null) {
            summary = alertname;
        }
        StringBuilder details = new StringBuilder();
        String description = firstOf(annotations, "description", "message");
        if (description != null) {
            details.append(description).append("\n\n");
        }
        String startsAt = Payloads.text(a, "startsAt");
        if (startsAt != null) {
            details.append("Started: ").append(startsAt).append('\n');
        }
        String endsAt = Payloads.text(a, "endsAt");
        if (resolved && endsAt != null && !endsAt.startsWith("0001-")) {
            details.append("Ended: ").append(endsAt).append('\n');
        }
        String generator = Payloads.text(a, "generatorURL");
        if (generator != null) {
            details.append("Source: ").append(generator).append('\n');
        }
        return new AlertNotification(source, Payloads.text(a, "fingerprint"), host, null, alertname,
                resolved ? Type.RECOVERY : Type.PROBLEM, resolved ? "RESOLVED" : "FIRING",
                Payloads.blankToNull(labels.get("severity")), summary, Payloads.blankToNull(details.toString()),
                firstOf(annotations, "runbook_url", "runbook"), null, null, labels,
                // a recovery happened when it ended; a firing alert says when it started, not when it was notified
                resolved ? Payloads.time(a, "endsAt") : null, Payloads.time(a, "startsAt"));
    }

    private static String firstOf(Map<String, String> m, String... keys) {
        for (String k : keys) {
            String v = Payloads.blankToNull(m.get(k));
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
