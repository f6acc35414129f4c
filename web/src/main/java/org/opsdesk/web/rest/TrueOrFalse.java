package org.opsdesk.web.rest;

import java.lang.reflect.Type;

import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

/**
 * Reads a {@code Boolean} or {@code boolean} field ({@code "active"}, {@code "admin"}, {@code "resolveOnRecovery"})
 * from JSON {@code true} or {@code false} only: JSON-B alone read any string as false, so {@code "active": "yes"}
 * disabled an agent and {@code "admin": "perhaps"} took an admin's rights away, answered 200. Anything else is a 400
 * that names the value.
 */
public final class TrueOrFalse implements JsonbDeserializer<Boolean> {

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        return switch (value.getValueType()) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            default -> throw new JsonbException("true or false was expected, not " + abbreviated(value.toString()));
        };
    }

    private static String abbreviated(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
