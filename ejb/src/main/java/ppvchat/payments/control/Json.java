package ppvchat.payments.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reading PayPal's JSON without trusting its shape: a missing or mistyped field is null, never an exception. */
final class Json {

    private Json() {}

    /** The object at {@code path} (names, or indexes into arrays); null if any step is missing. */
    static JsonObject object(JsonObject from, Object... path) {
        return at(from, path) instanceof JsonObject object ? object : null;
    }

    static String text(JsonObject from, Object... path) {
        return at(from, path) instanceof JsonString string ? string.getString() : null;
    }

    /** A money value such as "10.00"; null when missing or not a decimal number. */
    static BigDecimal money(JsonObject from, Object... path) {
        String value = text(from, path);
        if (value == null || !value.matches("[0-9]{1,10}(\\.[0-9]{1,2})?")) {
            return null;
        }
        return new BigDecimal(value);
    }

    /** A time such as "2026-11-27T07:00:00Z" or "…07:00:00.000Z"; null when missing or not a time. */
    static Instant instant(JsonObject from, Object... path) {
        String value = text(from, path);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The last path segment of the link with relation {@code rel}, e.g. a capture id from a refund's "up". */
    static String linked(JsonObject from, String rel) {
        JsonValue links = from.get("links");
        if (!(links instanceof JsonArray array)) {
            return null;
        }
        for (JsonValue link : array) {
            if (link instanceof JsonObject object && rel.equals(text(object, "rel"))) {
                String href = text(object, "href");
                if (href != null && href.lastIndexOf('/') >= 0) {
                    return href.substring(href.lastIndexOf('/') + 1);
                }
            }
        }
        return null;
    }

    private static JsonValue at(JsonObject from, Object... path) {
        JsonValue current = from;
        for (Object step : path) {
            if (current == null) {
                return null;
            }
            if (step instanceof Integer index) {
                current = current instanceof JsonArray array && index < array.size() ? array.get(index) : null;
            } else {
                current = current instanceof JsonObject object ? object.get((String) step) : null;
            }
        }
        return current;
    }
}
