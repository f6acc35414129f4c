package org.opsdesk.web.rest.alert;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.opsdesk.application.AlertNotification.Type;
import org.opsdesk.domain.DomainException;

/** Small helpers the webhook parsers share: reading JSON leniently, notification types, blanks. */
final class Payloads {

    private Payloads() {
    }

    /** A string field (numbers and booleans as their text), null when absent, null or blank. */
    static String text(JsonObject o, String... names) {
        for (String name : names) {
            JsonValue v = o == null ? null : o.get(name);
            if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            String s = v instanceof JsonString js ? js.getString() : v.toString();
            if (!s.isBlank()) {
                return s.strip();
            }
        }
        return null;
    }

    /** An object of string values ({@code labels}, {@code annotations}); empty when absent. */
    static Map<String, String> strings(JsonObject o, String name) {
        Map<String, String> m = new LinkedHashMap<>();
        JsonValue v = o == null ? null : o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return m;
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw DomainException.invalid("invalid_alert", "\"" + name + "\" is an object of strings.");
        }
        v.asJsonObject().forEach((k, x) -> {
            if (x.getValueType() != JsonValue.ValueType.NULL) {
                m.put(k, x instanceof JsonString js ? js.getString() : x.toString());
            }
        });
        return m;
    }

    /**
     * When a notification says its event happened: the first of {@code names} present, as seconds since 1970 (or
     * milliseconds, microseconds or nanoseconds, told apart by their size), or an ISO 8601 time with a zone
     * ({@code 2026-11-22T02:04:52Z}, {@code …+01:00}); null when absent, zero, or Alertmanager's "no time"
     * ({@code 0001-01-01T00:00:00Z}); 400 {@code invalid_time} naming the field otherwise. Whether the time is
     * plausible is the alert service's question.
     */
    static java.time.Instant time(JsonObject o, String... names) {
        for (String name : names) {
            String v = text(o, name);
            if (v != null) {
                return time(v, name);
            }
        }
        return null;
    }

    /** {@code raw} read as {@link #time(JsonObject, String...)} reads a field; {@code field} names it in the error. */
    static java.time.Instant time(String raw, String field) {
        String v = blankToNull(raw);
        if (v == null || v.startsWith("0001-")) {
            return null;
        }
        try {
            if (v.matches("\\d{1,19}(\\.\\d+)?")) {
                java.math.BigDecimal n = new java.math.BigDecimal(v);
                // 1e11 seconds is the year 5138; 1e14 milliseconds and 1e17 microseconds the year 5138 too
                int digits = n.toBigInteger().toString().length();
                java.math.BigDecimal seconds = digits <= 11 ? n : digits <= 14 ? n.movePointLeft(3)
                        : digits <= 17 ? n.movePointLeft(6) : n.movePointLeft(9);
                return seconds.signum() == 0 ? null : java.time.Instant.ofEpochSecond(seconds.longValue(),
                        seconds.remainder(java.math.BigDecimal.ONE).movePointRight(9).intValue());
            }
            return java.time.OffsetDateTime.parse(v).toInstant();
        } catch (RuntimeException e) {
            throw DomainException.invalid("invalid_time", "\"" + field + "\" is not a time: '"
                    + (v.length() > 40 ? v.substring(0, 40) : v) + "'; send seconds since 1970 or an ISO 8601 time"
                    + " with its zone, such as 2026-11-22T02:04:52Z.");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A notification type as monitoring names it (see {@link Type#fromCode}), or 400 naming the known ones. */
    static Type type(String code) {
        return Type.fromCode(code).orElseThrow(() -> {
            String c = code == null ? "" : code.strip();
            return DomainException.invalid("unknown_notification_type", "Unknown notification type '"
                    + (c.length() > 40 ? c.substring(0, 40) : c) + "'; use PROBLEM, RECOVERY, ACKNOWLEDGEMENT,"
                    + " DOWNTIMESTART, DOWNTIMEEND, FLAPPINGSTART, FLAPPINGSTOP or CUSTOM.");
        });
    }

    /** The type a bare state implies: OK, UP and RESOLVED recover, anything else is a problem. */
    static Type typeOfState(String state) {
        String s = state == null ? "" : state.strip().toUpperCase(Locale.ROOT);
        return s.equals("OK") || s.equals("UP") || s.equals("RESOLVED") ? Type.RECOVERY : Type.PROBLEM;
    }
}
