package procrust.state;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Typed reads of the current value of a jackson-core {@link JsonParser}, for the hand-written codecs of
 * the state folder. Every mismatch is an IOException naming where (a JSON pointer such as
 * {@code /instances/2/since}, with line and column), what was expected and what was found.
 */
final class JsonFields {

    private JsonFields() {
    }

    /** A string, or null for a JSON null. */
    static String string(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw mismatch(p, "a string");
        }
        return p.getText();
    }

    /** A JSON integer that fits a long, or null for a JSON null. */
    static Long longOrNull(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw mismatch(p, "an integer");
        }
        try {
            return p.getLongValue();
        } catch (InputCoercionException e) {
            throw error(p, p.getText() + " is out of range");
        }
    }

    /** A JSON integer that fits an int, or null for a JSON null. */
    static Integer intOrNull(JsonParser p) throws IOException {
        Long v = longOrNull(p);
        if (v == null) {
            return null;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw error(p, p.getText() + " is out of range");
        }
        return v.intValue();
    }

    /** A JSON integer that fits an int; null is refused (the field is a Java primitive). */
    static int intValue(JsonParser p) throws IOException {
        Integer v = intOrNull(p);
        if (v == null) {
            throw error(p, "null where an integer is required");
        }
        return v;
    }

    /** An instant in ISO-8601 text ({@link Instant#toString()}), or null for a JSON null. */
    static Instant instant(JsonParser p) throws IOException {
        String s = string(p);
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw error(p, "\"" + s + "\" is not an ISO-8601 instant (like 2025-01-01T10:00:00Z)");
        }
    }

    /** One of {@code values} by its exact name, or null for a JSON null. */
    static <E extends Enum<E>> E constant(JsonParser p, E[] values) throws IOException {
        String s = string(p);
        if (s == null) {
            return null;
        }
        for (E e : values) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        throw error(p, "\"" + s + "\" is not one of " + Arrays.toString(values));
    }

    /** An array of strings (none of them null), or null for a JSON null. */
    static List<String> strings(JsonParser p) throws IOException {
        if (!startArray(p, true)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String s = string(p);
            if (s == null) {
                throw error(p, "null in a list of strings");
            }
            out.add(s);
        }
        return out;
    }

    /** Checks that the current token opens an object (or, when {@code nullable}, is null: returns false). */
    static boolean startObject(JsonParser p, boolean nullable) throws IOException {
        return start(p, nullable, JsonToken.START_OBJECT, "an object");
    }

    /** Checks that the current token opens an array (or, when {@code nullable}, is null: returns false). */
    static boolean startArray(JsonParser p, boolean nullable) throws IOException {
        return start(p, nullable, JsonToken.START_ARRAY, "an array");
    }

    private static boolean start(JsonParser p, boolean nullable, JsonToken open, String what)
            throws IOException {
        JsonToken t = p.currentToken();
        if (nullable && t == JsonToken.VALUE_NULL) {
            return false;
        }
        if (t != open) {
            throw mismatch(p, what);
        }
        return true;
    }

    /** After the root value: anything but the end of the input is an error (as FAIL_ON_TRAILING_TOKENS). */
    static void end(JsonParser p, String what) throws IOException {
        JsonToken t = p.nextToken();
        if (t != null) {
            throw new IOException(at(p) + ": more content (" + describe(t) + ") after the " + what);
        }
    }

    static IOException mismatch(JsonParser p, String expected) {
        return error(p, "expected " + expected + ", found " + describe(p.currentToken()));
    }

    /** An error at the current value: {@code /instances/2/since (line 14, column 18): MESSAGE}. */
    static IOException error(JsonParser p, String message) {
        String path = p.getParsingContext().pathAsPointer().toString();
        return new IOException((path.isEmpty() ? "" : path + " ") + at(p) + ": " + message);
    }

    /**
     * Jackson's own error (bad JSON, a number too long, nesting too deep) on one line with its place:
     * {@code (line 3, column 7): Unexpected end-of-input ...} (its message has the place on a second line).
     */
    static IOException located(JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        String what = e.getOriginalMessage();
        return new IOException(l == null ? what : at(l) + ": " + what, e);
    }

    /** {@code (line L, column C)} of the current token. */
    static String at(JsonParser p) {
        return at(p.currentTokenLocation());
    }

    static String at(JsonLocation l) {
        return "(line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }
}
