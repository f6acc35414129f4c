package org.opsdesk.domain.host;

import java.util.Locale;
import java.util.regex.Pattern;

import org.opsdesk.domain.DomainException;

/**
 * The name of a host, normalised on the way in: lower case, without a URL scheme, user, path or port
 * ({@code https://Web01.example.test:9100/metrics} is {@code web01.example.test}). IPv6 addresses
 * keep their colons. Value equality; {@link #shortName()} is the first label of a DNS name.
 */
public record HostName(String value) {

    public static final int MAX = 253;

    private static final Pattern VALID = Pattern.compile("^[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.-]*[\\p{L}\\p{N}_])?$");
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(?:\\.\\d{1,3}){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9a-f:.]+$");

    public HostName {
        value = normalise(value);
    }

    public static HostName of(String raw) {
        return new HostName(raw);
    }

    /** The host named by {@code raw}, or null when {@code raw} is blank. */
    public static HostName ofNullable(String raw) {
        return raw == null || raw.isBlank() ? null : new HostName(raw);
    }

    static String normalise(String raw) {
        String s = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int slash = indexOfAny(s, "/?#");
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            s = s.substring(at + 1);
        }
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            s = close > 0 ? s.substring(1, close) : s.substring(1);
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            s = s.substring(0, s.indexOf(':'));
        }
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        boolean ipv6 = s.indexOf(':') >= 0 && IPV6.matcher(s).matches();
        if (s.isEmpty() || s.length() > MAX || !(ipv6 || VALID.matcher(s).matches())) {
            throw DomainException.invalid("invalid_host_name", "'" + clip(raw)
                    + "' is not a host name (letters, digits, '.', '-', '_'; an IP address; at most " + MAX
                    + " characters).");
        }
        return s;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String clip(String raw) {
        String r = raw == null ? "" : raw.replaceAll("[\\p{Cntrl}]", "?");
        return r.length() > 80 ? r.substring(0, 80) + "…" : r;
    }

    /** Whether this is an IP address rather than a DNS name. */
    public boolean isAddress() {
        return IPV4.matcher(value).matches() || value.indexOf(':') >= 0;
    }

    /** A DNS name with more than one label ({@code web01.example.test}), not an address. */
    public boolean isQualified() {
        return !isAddress() && value.indexOf('.') > 0;
    }

    /** The first label of a qualified name ({@code web01}); the name itself otherwise. */
    public String shortName() {
        return isQualified() ? value.substring(0, value.indexOf('.')) : value;
    }

    @Override
    public String toString() {
        return value;
    }
}
