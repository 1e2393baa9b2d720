package ppvchat.paypaldouble;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** JSON-P with one provider looked up once, and the few shapes PayPal repeats everywhere. */
final class JsonSupport {

    // Json.createXxx() looks the provider up on every call; one lookup is enough.
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonSupport() {}

    static JsonObjectBuilder object() {
        return JSON.createObjectBuilder();
    }

    static JsonObjectBuilder object(JsonObject copyOf) {
        return JSON.createObjectBuilder(copyOf);
    }

    static JsonArrayBuilder array() {
        return JSON.createArrayBuilder();
    }

    /** Parses any JSON text; throws jakarta.json.JsonException (or a subclass) when it is malformed. */
    static JsonValue parse(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    static JsonObject link(String href, String rel, String method) {
        return object().add("href", href).add("rel", rel).add("method", method).build();
    }

    /** A string member, or null when it is absent, null or not a string. */
    static String string(JsonObject object, String name) {
        if (object == null) {
            return null;
        }
        JsonValue value = object.get(name);
        return value instanceof JsonString s ? s.getString() : null;
    }

    /** An object member, or null when it is absent or not an object. */
    static JsonObject child(JsonObject object, String name) {
        if (object == null) {
            return null;
        }
        JsonValue value = object.get(name);
        return value instanceof JsonObject o ? o : null;
    }

    /** Adds name only when value is not null, as PayPal leaves out what it does not have. */
    static JsonObjectBuilder addIfPresent(JsonObjectBuilder builder, String name, String value) {
        return value == null ? builder : builder.add(name, value);
    }
}
