package org.opsdesk.mail.inbound.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A header of the form {@code value; name=value; …} (Content-Type, Content-Disposition), parsed
 * permissively: doubled or missing semicolons, unterminated quotes, spaces in unquoted values. RFC 2231
 * parameters ({@code name*=charset'lang'%XX}, {@code name*0*=…; name*1=…}) are joined and decoded and win
 * over a plain parameter of the same name; RFC 2047 words in values are left to the caller.
 *
 * @param value  the part before the first semicolon, lower-case, without comments
 * @param params parameter names (lower-case) to values, in order of appearance; the first of duplicates wins
 */
record StructuredField(String value, Map<String, String> params) {

    private static final Pattern RFC2231_NAME = Pattern.compile("(.+?)\\*(?:(\\d{1,3})\\*?)?");
    private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");

    static final StructuredField EMPTY = new StructuredField("", Map.of());

    StructuredField {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    String param(String name) {
        return params.get(name);
    }

    static StructuredField parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return EMPTY;
        }
        int semicolon = raw.indexOf(';');
        String value = semicolon < 0 ? raw : raw.substring(0, semicolon);
        String rest = semicolon < 0 ? "" : raw.substring(semicolon + 1);
        value = COMMENT.matcher(value).replaceAll(" ").strip();
        int space = value.indexOf(' ');
        if (space > 0 && value.indexOf('=') > space) { // "inline filename=x": a semicolon is missing
            rest = value.substring(space + 1) + ";" + rest;
            value = value.substring(0, space);
        }
        Map<String, String> raws = rawParameters(rest);
        return new StructuredField(value.toLowerCase(Locale.ROOT), joinRfc2231(raws));
    }

    private static Map<String, String> rawParameters(String s) {
        Map<String, String> params = new LinkedHashMap<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ';')) {
                i++;
            }
            int nameStart = i;
            while (i < n && s.charAt(i) != '=' && s.charAt(i) != ';') {
                i++;
            }
            String name = s.substring(nameStart, i).strip().toLowerCase(Locale.ROOT);
            if (i >= n || s.charAt(i) == ';') {
                continue; // a name without a value: nothing to keep
            }
            i++;
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && s.charAt(i) == '"') { // quoted: kept exactly, spaces included (boundaries may end in one)
                for (i++; i < n && s.charAt(i) != '"'; i++) {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(s.charAt(i));
                }
                while (i < n && s.charAt(i) != ';') {
                    i++; // the closing quote and anything after it up to the next parameter
                }
            } else {
                int start = i;
                while (i < n && s.charAt(i) != ';') {
                    i++;
                }
                value.append(s.substring(start, i).strip());
            }
            if (!name.isEmpty()) {
                params.putIfAbsent(name, value.toString());
            }
        }
        return params;
    }

    /** Joins RFC 2231 continuations and decodes extended values; plain parameters pass unchanged. */
    private static Map<String, String> joinRfc2231(Map<String, String> raws) {
        Map<String, String> result = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String[]>> extended = new LinkedHashMap<>();
        raws.forEach((name, value) -> {
            Matcher m = RFC2231_NAME.matcher(name);
            if (!m.matches()) {
                result.putIfAbsent(name, value);
                return;
            }
            int section = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            boolean encoded = name.endsWith("*");
            extended.computeIfAbsent(m.group(1), k -> new TreeMap<>())
                    .putIfAbsent(section, new String[] {value, encoded ? "*" : ""});
        });
        extended.forEach((name, sections) -> result.put(name, decodeSections(sections)));
        return result;
    }

    private static String decodeSections(TreeMap<Integer, String[]> sections) {
        String charsetName = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String[] section : sections.values()) {
            String value = section[0];
            boolean encoded = !section[1].isEmpty();
            if (encoded && charsetName == null) {
                int first = value.indexOf('\'');
                int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
                if (second > 0) {
                    charsetName = value.substring(0, first);
                    value = value.substring(second + 1);
                }
            }
            if (encoded) {
                bytes.writeBytes(percentDecode(value));
            } else {
                Charset charset = MailCharsets.lookup(charsetName).orElse(StandardCharsets.UTF_8);
                bytes.writeBytes(value.getBytes(charset));
            }
        }
        return MailCharsets.decode(bytes.toByteArray(), charsetName, note -> { });
    }

    private static byte[] percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int high = c == '%' && i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
            if (low >= 0) {
                out.write(high << 4 | low);
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
