package org.opsdesk.mail.inbound.steps;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opsdesk.application.AlertNotification;
import org.opsdesk.application.AlertNotification.Type;
import org.opsdesk.mail.inbound.parse.ParsedMail;

/**
 * Reads a monitoring notification mail in the stock formats: Nagios 4 ({@code notify-host-by-email},
 * {@code notify-service-by-email}: subject {@code ** PROBLEM Service Alert: host/service is CRITICAL **},
 * body fields {@code Notification Type}, {@code Host}, {@code Service}, {@code State}, {@code Address},
 * {@code Additional Info}/{@code Info}) and Icinga 2 ({@code mail-service-notification.sh}: subject
 * {@code [PROBLEM] Disk /var on web01 is CRITICAL!}, body fields {@code Host}, {@code Service},
 * {@code IPv4}, {@code Info}, {@code Comment by …}). Anything else is not a monitoring mail. When it happened is read
 * from Nagios's {@code Date/Time} ({@code Sun Nov 22 02:04:52 UTC 2026}) or Icinga's {@code When}
 * ({@code 2026-11-22 02:07:44 +0000}) where its zone is unambiguous, else from the mail's {@code Date}.
 */
public final class MonitoringMailReader {

    private static final Pattern NAGIOS_SUBJECT = Pattern.compile(
            "^\\*\\*\\s*([A-Z]+)\\s+(Service|Host) Alert:\\s*(.+?)\\s+is\\s+([A-Z]+)\\s*\\*\\*$");
    private static final Pattern ICINGA_SUBJECT = Pattern.compile(
            "^\\[([A-Z]+)\\]\\s+(?:Host\\s+(.+?)|.+\\s+on\\s+.+?)\\s+is\\s+([A-Z]+)!?$");
    private static final Pattern ICINGA_SERVICE_SUBJECT = Pattern.compile(
            "^\\[([A-Z]+)\\]\\s+(.+)\\s+on\\s+(.+?)\\s+is\\s+([A-Z]+)!?$");
    private static final Pattern FIELD = Pattern.compile("^([A-Za-z][A-Za-z0-9 /]{0,30}):[ \\t]*(.*)$");
    private static final Pattern COMMENT_BY = Pattern.compile("^Comment by ([^:]+):\\s*$");
    private static final DateTimeFormatter NAGIOS_TIME =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss zzz yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter ICINGA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");
    private static final Pattern UNAMBIGUOUS_ZONE = Pattern.compile(" (UTC|GMT|[+-]\\d{4})( |$)");

    /** The notification the mail carries, for {@code source}; empty when it is not a monitoring mail. */
    public Optional<AlertNotification> read(ParsedMail mail, String source) {
        String subject = mail.subject() == null ? "" : mail.subject().strip();
        Map<String, String> fields = fields(mail.text());
        Matcher nagios = NAGIOS_SUBJECT.matcher(subject);
        if (nagios.matches()) {
            boolean service = nagios.group(2).equals("Service");
            String subjectHost = service ? nagios.group(3).substring(0, Math.max(0, nagios.group(3).indexOf('/')))
                    : nagios.group(3);
            String subjectService = service ? nagios.group(3).substring(nagios.group(3).indexOf('/') + 1) : null;
            Type type = type(fields.getOrDefault("notification type", nagios.group(1)));
            String host = fields.getOrDefault("host", subjectHost);
            String svc = service ? fields.getOrDefault("service", subjectService) : null;
            String state = fields.getOrDefault("state", nagios.group(4));
            String output = fields.containsKey("additional info") ? fields.get("additional info") : fields.get("info");
            return type == null || host.isBlank() ? Optional.empty()
                    : Optional.of(notification(source, host, fields.get("address"), svc, type, state, output, null,
                            null, mail.text(), time(fields.get("date/time"), NAGIOS_TIME, mail)));
        }
        Matcher icinga = ICINGA_SUBJECT.matcher(subject);
        if (icinga.matches() && (mail.text().contains("Monitoring on") || fields.containsKey("host"))) {
            Type type = type(icinga.group(1));
            // the body says which: a service whose name starts with "Host " ("Host certificate on web01") matched
            // the host form of the subject, and the host's own alert took its problems and recoveries
            // (its banner first: a comment line "Service: nginx restarting" in a host's acknowledgement is no field)
            boolean serviceBanner = mail.text().contains("***** Service Monitoring on");
            boolean hostBanner = mail.text().contains("***** Host Monitoring on");
            boolean hostAlert = icinga.group(2) != null
                    && (hostBanner || !serviceBanner && !fields.containsKey("service"));
            Matcher asService = ICINGA_SERVICE_SUBJECT.matcher(subject);
            boolean serviceForm = !hostAlert && asService.matches();
            String host = fields.getOrDefault("host", hostAlert ? icinga.group(2) : serviceForm ? asService.group(3)
                    : null);
            String svc = hostAlert ? null : fields.getOrDefault("service", serviceForm ? asService.group(2) : null);
            String author = null;
            String comment = null;
            String[] lines = mail.text().split("\r?\n");
            for (int i = 0; i < lines.length; i++) {
                Matcher by = COMMENT_BY.matcher(lines[i].strip());
                if (by.matches()) {
                    author = by.group(1).strip();
                    StringBuilder c = new StringBuilder();
                    for (int j = i + 1; j < lines.length && !lines[j].isBlank(); j++) {
                        c.append(c.length() == 0 ? "" : "\n").append(lines[j].strip());
                    }
                    comment = c.toString();
                    break;
                }
            }
            return type == null || host == null || host.isBlank() ? Optional.empty()
                    : Optional.of(notification(source, host, fields.get("ipv4"), svc, type, icinga.group(3),
                            fields.get("info"), author, comment, mail.text(),
                            time(fields.get("when"), ICINGA_TIME, mail)));
        }
        return Optional.empty();
    }

    private static AlertNotification notification(String source, String host, String address, String service,
            Type type, String state, String output, String author, String comment, String text, Instant at) {
        // no summary: the ticket's subject is then made exactly as for the webhook's notification of the same event
        return new AlertNotification(source, null, host, address, service, type, state, null, null,
                output == null || output.isBlank() ? text.strip() : output.strip(), null, author, comment,
                Map.of(), at, null);
    }

    /**
     * The time a body field gives in {@code format}, when its zone is UTC, GMT or an offset; else the mail's
     * {@code Date} (written at the same moment, with an offset); null when neither is readable. A zone's abbreviation
     * is ambiguous (Java reads BST as Bougainville, IST as Ireland's; CET in the hour repeated in autumn), and a time
     * read a few hours off makes a problem or a recovery wrongly stale.
     */
    static Instant time(String field, DateTimeFormatter format, ParsedMail mail) {
        String t = field == null ? "" : field.strip().replaceAll("\\s+", " ");
        if (UNAMBIGUOUS_ZONE.matcher(t).find()) {
            try {
                return ZonedDateTime.parse(t, format).toInstant();
            } catch (DateTimeParseException e) {
                // a date_format or locale of its own
            }
        }
        return mail.date();
    }

    private static Type type(String code) {
        return Type.fromCode(code).orElse(null); // Icinga writes FLAPPINGEND and DOWNTIMEREMOVED too
    }

    /**
     * {@code Name: value} lines (lower-case names, first wins); a field with an empty value takes the
     * following non-blank lines (Nagios's "Additional Info:").
     */
    static Map<String, String> fields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> lines = List.of(text == null ? new String[0] : text.split("\r?\n"));
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = FIELD.matcher(lines.get(i).strip());
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1).strip().toLowerCase(Locale.ROOT);
            String value = m.group(2).strip();
            if (value.isEmpty()) {
                StringBuilder v = new StringBuilder();
                int j = i + 1;
                while (j < lines.size() && lines.get(j).isBlank()) {
                    j++;
                }
                while (j < lines.size() && !lines.get(j).isBlank()) {
                    v.append(v.length() == 0 ? "" : "\n").append(lines.get(j).strip());
                    j++;
                }
                value = v.toString();
            }
            fields.putIfAbsent(name, value);
        }
        return fields;
    }
}
