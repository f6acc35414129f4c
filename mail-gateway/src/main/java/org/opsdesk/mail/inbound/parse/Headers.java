package org.opsdesk.mail.inbound.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header fields of one entity, in order. Names are kept as written; values are unfolded and already
 * read from bytes (raw 8-bit included) but not RFC 2047 decoded, because structured headers (addresses,
 * parameters) must be split before their words are decoded.
 */
final class Headers {

    /** One header field: name as written, value unfolded and stripped. */
    record Field(String name, String value) {
    }

    static final Headers NONE = new Headers(List.of());

    private final List<Field> fields;

    Headers(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The first value of the named header (any case), or null. */
    String first(String name) {
        for (Field field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                return field.value();
            }
        }
        return null;
    }

    /** Every value of the named header (any case), in order. */
    List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Field field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                values.add(field.value());
            }
        }
        return values;
    }

    /** Lower-case name → RFC 2047 decoded values in order; unmodifiable. */
    Map<String, List<String>> decoded() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Field field : fields) {
            map.computeIfAbsent(field.name().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                    .add(EncodedWords.decode(field.value()));
        }
        map.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(map);
    }
}
