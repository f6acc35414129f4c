package org.opsdesk.web.rest.alert;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import org.opsdesk.application.AlertNotification;
import org.opsdesk.domain.DomainException;

/**
 * The generic JSON form for anything else (Zabbix, scripts): one object, an array of them, or
 * {@code {"alerts": [...]}}, each with {@code source, key, host, address, service, type, state,
 * severity, summary, details, runbookUrl, author, comment, labels, at}. {@code type} defaults from
 * {@code state}: OK, UP and RESOLVED recover, any other state is a problem. {@code at} (or {@code timestamp}) is when
 * it happened: seconds since 1970 or ISO 8601. Pure: no server needed.
 */
public final class GenericAlert {

    private GenericAlert() {
    }

    public static List<AlertNotification> parse(JsonStructure body, String source) {
        List<JsonValue> items = new ArrayList<>();
        if (body instanceof JsonObject o && o.containsKey("alerts")
                && o.get("alerts").getValueType() == JsonValue.ValueType.ARRAY) {
            items.addAll(o.getJsonArray("alerts"));
        } else if (body instanceof JsonObject o) {
            items.add(o);
        } else if (body != null && body.getValueType() == JsonValue.ValueType.ARRAY) {
            items.addAll(body.asJsonArray());
        }
        if (items.isEmpty()) {
            throw DomainException.invalid("invalid_alert", "Send an alert object, an array of them, or {\"alerts\": [...]}.");
        }
        List<AlertNotification> out = new ArrayList<>();
        for (JsonValue v : items) {
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw DomainException.invalid("invalid_alert", "Each alert is a JSON object.");
            }
            out.add(alert(v.asJsonObject(), source));
        }
        return out;
    }

    static AlertNotification alert(JsonObject o, String defaultSource) {
        String source = Payloads.text(o, "source");
        if (defaultSource != null && source != null && !source.equalsIgnoreCase(defaultSource)) {
            throw DomainException.invalid("source_mismatch", "The alert names source '" + source
                    + "' but the request is for source '" + defaultSource + "'.");
        }
        String state = Payloads.text(o, "state", "status");
        String type = Payloads.text(o, "type", "notificationType", "notification_type");
        if (state == null && type == null) {
            throw DomainException.invalid("state_required", "An alert has a \"state\" (CRITICAL, WARNING, OK…)"
                    + " or a \"type\" (PROBLEM, RECOVERY…).");
        }
        return new AlertNotification(source != null ? source : defaultSource, Payloads.text(o, "key"),
                Payloads.text(o, "host"), Payloads.text(o, "address"), Payloads.text(o, "service"),
                type != null ? Payloads.type(type) : Payloads.typeOfState(state), state,
                Payloads.text(o, "severity"), Payloads.text(o, "summary"), Payloads.text(o, "details", "description"),
                Payloads.text(o, "runbookUrl", "runbook_url"), Payloads.text(o, "author"), Payloads.text(o, "comment"),
                Payloads.strings(o, "labels"), Payloads.time(o, "at", "timestamp"), null);
    }
}
