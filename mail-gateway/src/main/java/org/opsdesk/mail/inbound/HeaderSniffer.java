package org.opsdesk.mail.inbound;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Message-ID from a raw message's header section without parsing the message, so the raw
 * bytes can be stored (and de-duplicated) before anything that might fail.
 */
public final class HeaderSniffer {

    /** Header sections longer than this are not searched further. */
    private static final int MAX_HEADER_BYTES = 256 * 1024;
    private static final Pattern ID = Pattern.compile("<([^<>\\s]{1,990})>");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\r\\n]]");
    private static final Pattern BARE_ID = Pattern.compile("([^<>\\s]{1,990}@[^<>\\s]{1,255})");

    private HeaderSniffer() {
    }

    /** The Message-ID without brackets, or null when the header section has none. */
    public static String messageId(byte[] raw) {
        String head = headerSection(raw);
        String value = null;
        String[] lines = head.split("\r\n|\r|\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].regionMatches(true, 0, "Message-ID:", 0, 11)) {
                StringBuilder v = new StringBuilder(lines[i].substring(11));
                while (i + 1 < lines.length && !lines[i + 1].isEmpty()
                        && (lines[i + 1].charAt(0) == ' ' || lines[i + 1].charAt(0) == '\t')) {
                    v.append(' ').append(lines[++i].strip());
                }
                value = v.toString().strip();
                break;
            }
        }
        if (value == null || value.isEmpty() || CONTROL.matcher(value).find()) {
            // an id with a control character (a NUL, above all) is nobody's: the mail is known by its hash instead
            // (PostgreSQL stores no NUL, and a NUL in the key failed the storing itself, so the mail was never kept)
            return null;
        }
        Matcher m = ID.matcher(value);
        if (m.find()) {
            return m.group(1);
        }
        Matcher bare = BARE_ID.matcher(value);
        return bare.find() ? bare.group(1) : null;
    }

    private static String headerSection(byte[] raw) {
        int limit = Math.min(raw.length, MAX_HEADER_BYTES);
        int end = limit;
        for (int i = 0; i + 1 < limit; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < limit && raw[i + 2] == '\n'))) {
                end = i;
                break;
            }
        }
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
    }
}
