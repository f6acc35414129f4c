package org.opsdesk.mail.inbound.parse;

import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A Content-Type: the lower-case {@code type/subtype} and its parameters. A missing or unreadable header
 * gives the default type (text/plain, or message/rfc822 inside multipart/digest), as RFC 2045 says.
 */
record MediaType(String type, Map<String, String> params) {

    static final String TEXT_PLAIN = "text/plain";
    static final String MESSAGE_RFC822 = "message/rfc822";

    private static final Pattern TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+");

    MediaType {
        params = Map.copyOf(params);
    }

    /** Reads a Content-Type header value ({@code null} when absent); unreadable types are reported to notes. */
    static MediaType parse(String header, String defaultType, Consumer<String> notes) {
        StructuredField field = StructuredField.parse(header);
        String type = field.value();
        int slash = type.indexOf('/');
        if (slash > 0) { // "text / plain"
            type = type.substring(0, slash).strip() + "/" + type.substring(slash + 1).strip();
        }
        if (TYPE.matcher(type).matches()) {
            return new MediaType(type, field.params());
        }
        if (header != null && !header.isBlank()) {
            notes.accept("unreadable Content-Type '" + header.strip() + "'; read as " + defaultType);
        }
        return new MediaType(defaultType, field.params());
    }

    String primary() {
        return type.substring(0, type.indexOf('/'));
    }

    String subtype() {
        return type.substring(type.indexOf('/') + 1);
    }

    boolean is(String other) {
        return type.equals(other);
    }

    boolean isMultipart() {
        return primary().equals("multipart");
    }

    String param(String name) {
        return params.get(name);
    }
}
