package org.opsdesk.web.rest;

import java.lang.reflect.Type;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

/**
 * Reads a JSON number into a {@code Long} field (a ticket number, a version) only when it is a whole number within
 * range: JSON-B alone turned {@code "into": 12.9} into ticket 12 and {@code 18446744073709551617} into 1, so a merge
 * or a version check could act on another number than the one sent. Anything else is a 400 that names the value.
 */
public final class WholeNumbers implements JsonbDeserializer<Long> {

    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            throw new JsonbException("a whole number was expected, not " + value);
        }
        if (!number.isIntegral()) {
            throw new JsonbException("a whole number was expected, not " + number);
        }
        try {
            return number.bigIntegerValueExact().longValueExact();
        } catch (ArithmeticException e) {
            throw new JsonbException("the number " + number + " is out of range");
        }
    }
}
