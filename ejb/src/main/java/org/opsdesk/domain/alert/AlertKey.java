package org.opsdesk.domain.alert;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.opsdesk.domain.DomainException;

/**
 * What identifies one problem within a source: Alertmanager's fingerprint (or the alert name and its
 * sorted labels when there is none), Nagios/Icinga host and service (the host alone for host alerts),
 * or the key a generic sender names. Keys longer than {@link #MAX} are kept as their SHA-256.
 */
public record AlertKey(String value) {

    public static final int MAX = 400;

    public AlertKey {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw DomainException.invalid("alert_key_required", "An alert needs a key (what identifies the problem).");
        }
        if (v.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            v = v.replaceAll("\\p{Cntrl}", " ");
        }
        value = v.length() > MAX ? "sha256:" + sha256(v) : v;
    }

    public static AlertKey of(String value) {
        return new AlertKey(value);
    }

    /** Alertmanager: the fingerprint, else {@code alertname{label="value",…}} with the labels sorted. */
    public static AlertKey alertmanager(String fingerprint, Map<String, String> labels) {
        if (fingerprint != null && !fingerprint.isBlank()) {
            return new AlertKey(fingerprint.strip());
        }
        Map<String, String> sorted = new TreeMap<>(labels == null ? Map.of() : labels);
        String name = sorted.remove("alertname");
        if ((name == null || name.isBlank()) && sorted.isEmpty()) {
            throw DomainException.invalid("alert_key_required", "An Alertmanager alert needs a fingerprint or labels.");
        }
        return new AlertKey((name == null ? "" : name) + sorted.entrySet().stream()
                .map(e -> e.getKey() + "=\"" + e.getValue() + "\"").collect(Collectors.joining(",", "{", "}")));
    }

    /** Nagios and Icinga: {@code host/service}, or the host alone for a host alert. */
    public static AlertKey hostService(String host, String service) {
        if (host == null || host.isBlank()) {
            throw DomainException.invalid("host_required", "A Nagios or Icinga alert names its host.");
        }
        String h = host.strip().toLowerCase(java.util.Locale.ROOT);
        return new AlertKey(service == null || service.isBlank() ? h : h + "/" + service.strip());
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
