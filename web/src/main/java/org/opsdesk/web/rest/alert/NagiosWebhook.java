package org.opsdesk.web.rest.alert;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.JsonObject;

import org.opsdesk.application.AlertNotification;
import org.opsdesk.domain.DomainException;

/**
 * Nagios (and Icinga) notifications posted by a {@code curl} notification command, into a
 * notification: form fields named after the macros ({@code NOTIFICATIONTYPE}, {@code HOSTNAME},
 * {@code HOSTADDRESS}, {@code SERVICEDESC}, {@code SERVICESTATE}/{@code HOSTSTATE}, the output, author
 * and comment), or the JSON variant ({@code notification_type}, {@code host}, {@code service},
 * {@code state}, {@code output}…). No service means a host alert. The key is left to the service:
 * host and service. Pure: no server needed.
 */
public final class NagiosWebhook {

    private NagiosWebhook() {
    }

    /** The form variant; field names are case-insensitive and may carry Nagios's {@code NAGIOS_} prefix. */
    public static AlertNotification fromForm(Map<String, String> form, String source) {
        Map<String, String> f = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            String key = k.strip().toUpperCase(java.util.Locale.ROOT);
            f.put(key.startsWith("NAGIOS_") ? key.substring(7) : key, v);
        });
        String service = Payloads.blankToNull(f.get("SERVICEDESC"));
        String output = service != null ? join(f.get("SERVICEOUTPUT"), f.get("LONGSERVICEOUTPUT"))
                : join(f.get("HOSTOUTPUT"), f.get("LONGHOSTOUTPUT"));
        Map<String, String> labels = new LinkedHashMap<>();
        put(labels, "host_alias", f.get("HOSTALIAS"));
        put(labels, "state_type", f.get(service != null ? "SERVICESTATETYPE" : "HOSTSTATETYPE"));
        put(labels, "perfdata", f.get("SERVICEPERFDATA"));
        put(labels, "notification_number", f.get("NOTIFICATIONNUMBER"));
        return notification(source, f.get("NOTIFICATIONTYPE"), f.get("HOSTNAME"), f.get("HOSTADDRESS"), service,
                service != null ? f.get("SERVICESTATE") : f.get("HOSTSTATE"), output,
                service != null ? f.get("SERVICENOTESURL") : f.get("HOSTNOTESURL"), f.get("NOTIFICATIONAUTHOR"),
                f.get("NOTIFICATIONCOMMENT"), labels, Payloads.time(f.get("TIMET"), "TIMET"));
    }

    /** The JSON variant of the samples' {@code notify-*-by-webhook-json} commands. */
    public static AlertNotification fromJson(JsonObject o, String source) {
        String service = "host".equalsIgnoreCase(Payloads.text(o, "object")) ? null : Payloads.text(o, "service");
        Map<String, String> labels = new LinkedHashMap<>();
        put(labels, "host_alias", Payloads.text(o, "host_alias"));
        put(labels, "state_type", Payloads.text(o, "state_type"));
        put(labels, "perfdata", Payloads.text(o, "perfdata"));
        put(labels, "notification_number", Payloads.text(o, "notification_number"));
        return notification(source, Payloads.text(o, "notification_type", "type"), Payloads.text(o, "host"),
                Payloads.text(o, "address"), service, Payloads.text(o, "state"),
                join(Payloads.text(o, "output"), Payloads.text(o, "long_output")),
                Payloads.text(o, "notes_url", "runbook_url"), Payloads.text(o, "author"), Payloads.text(o, "comment"),
                labels, Payloads.time(o, "timestamp"));
    }

    private static AlertNotification notification(String source, String type, String host, String address,
            String service, String state, String output, String notesUrl, String author, String comment,
            Map<String, String> labels, java.time.Instant at) {
        if (Payloads.blankToNull(type) == null) {
            throw DomainException.invalid("notification_type_required",
                    "A Nagios notification names its type (NOTIFICATIONTYPE or \"notification_type\").");
        }
        if (Payloads.blankToNull(host) == null) {
            throw DomainException.invalid("host_required", "A Nagios notification names its host (HOSTNAME or \"host\").");
        }
        return new AlertNotification(source, null, host.strip(), Payloads.blankToNull(address), service,
                Payloads.type(type), Payloads.blankToNull(state), null, null, output, Payloads.blankToNull(notesUrl),
                Payloads.blankToNull(author), Payloads.blankToNull(comment), labels, at, null);
    }

    private static String join(String output, String longOutput) {
        String o = Payloads.blankToNull(output);
        String l = Payloads.blankToNull(longOutput);
        if (l == null) {
            return o;
        }
        // Nagios escapes the long output's line breaks as \n
        l = l.replace("\\n", "\n");
        return o == null ? l : o + "\n" + l;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) {
            m.put(k, v.strip());
        }
    }
}
