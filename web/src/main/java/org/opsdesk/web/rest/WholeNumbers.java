package org.opsdesk.web.rest;

import java.lang.reflect.Type;
import java.math.BigInteger;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

/**
 * Reads a JSON number into a {@code Long} or {@code Integer} field (a ticket number, a version, a revision, a port)
 * only when it is a whole number within the field's range: JSON-B alone turned {@code "into": 12.9} into ticket 12,
 * {@code 18446744073709551617} into 1 and a port of 4294967439 into 143, so a merge, a version check or a mailbox
 * could act on another number than the one sent. Anything else is a 400 that names the value.
 */
public final class WholeNumbers {

    /** More digits than any long has (19) and some trailing zeros of a written "12.000". */
    private static final int MAX_DIGITS = 40;

    private WholeNumbers() {
    }

    /** For {@code Long} fields. */
    public static final class Longs implements JsonbDeserializer<Long> {

        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            BigInteger n = whole(parser.getValue());
            return n == null ? null : within(n, Long.MIN_VALUE, Long.MAX_VALUE).longValue();
        }
    }

    /** For {@code Integer} fields. */
    public static final class Integers implements JsonbDeserializer<Integer> {

        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            BigInteger n = whole(parser.getValue());
            return n == null ? null : within(n, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
        }
    }

    /** The value as a whole number; null for JSON null; anything else refused. */
    static BigInteger whole(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            throw new JsonbException("a whole number was expected, not " + value);
        }
        java.math.BigDecimal written = number.bigDecimalValue();
        if (written.precision() > MAX_DIGITS) {
            throw new JsonbException("the number " + number + " has too many digits");
        }
        // 1e2 is a whole number too; 12.9 and 12.5e0 are not. Its digits before the point are counted before it is
        // expanded: 1e20000000 expanded took seconds of CPU
        java.math.BigDecimal d = written.stripTrailingZeros();
        if (d.scale() > 0) {
            throw new JsonbException("a whole number was expected, not " + number);
        }
        if (d.precision() - d.scale() > MAX_DIGITS) {
            throw new JsonbException("the number " + number + " is out of range");
        }
        return d.toBigInteger();
    }

    private static BigInteger within(BigInteger n, long min, long max) {
        if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new JsonbException("the number " + n + " is out of range");
        }
        return n;
    }
}
