package ppvchat.realtime;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import jakarta.json.spi.JsonProvider;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one JSON mapping of the protocol (JSON-B), both ways. Decoding says precisely what is wrong with a
 * message: not JSON, no type, an unknown type, a missing or invalid field.
 */
public final class WireFormat {

    /** The protocol version; also the WebSocket subprotocol a client asks for, {@code ppvchat.<version>}. */
    public static final int VERSION = 1;

    public static final String SUBPROTOCOL = "ppvchat.1";

    private static final Map<String, Class<? extends ClientMessage>> KINDS = kinds();
    private static final Map<Class<? extends ClientMessage>, String> TYPES =
            KINDS.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    /** Looked up once: {@code Json.createReader} looks the provider up on the class path at every call. */
    private static final JsonReaderFactory READERS = JsonProvider.provider().createReaderFactory(Map.of());

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(false));
    private final Validator validator;

    public WireFormat(Validator validator) {
        this.validator = validator;
    }

    public String encode(ServerMessage message) {
        return jsonb.toJson(message);
    }

    public ClientMessage decode(String text) {
        JsonObject object;
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new BadMessage("bad_json", "a message is one JSON object");
            }
            object = value.asJsonObject();
        } catch (JsonException e) {
            throw new BadMessage("bad_json", "the message is not valid JSON");
        }
        if (!(object.get("type") instanceof JsonString type)) {
            throw new BadMessage("bad_message", "a message needs a \"type\"");
        }
        Class<? extends ClientMessage> kind = KINDS.get(type.getString());
        if (kind == null) {
            throw new BadMessage("unknown_type", "there is no message type \"" + shortened(type.getString()) + "\"");
        }
        ClientMessage message;
        try {
            message = jsonb.fromJson(text, kind);
        } catch (JsonbException e) {
            throw new BadMessage("bad_message", "a field of \"" + type.getString() + "\" has the wrong type");
        }
        Set<ConstraintViolation<ClientMessage>> violations = validator.validate(message);
        if (!violations.isEmpty()) {
            throw new BadMessage(
                    "bad_message",
                    violations.stream()
                            .sorted(Comparator.comparing(
                                    v -> v.getPropertyPath().toString()))
                            .map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .collect(Collectors.joining(", ", type.getString() + ": ", "")));
        }
        return message;
    }

    /** The type a client message is known by on the wire. */
    public static String typeOf(ClientMessage message) {
        return TYPES.get(message.getClass());
    }

    private static Map<String, Class<? extends ClientMessage>> kinds() {
        JsonbTypeInfo info = ClientMessage.class.getAnnotation(JsonbTypeInfo.class);
        return Arrays.stream(info.value())
                .collect(Collectors.toUnmodifiableMap(JsonbSubtype::alias, WireFormat::clientType));
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends ClientMessage> clientType(JsonbSubtype subtype) {
        return (Class<? extends ClientMessage>) subtype.type();
    }

    private static String shortened(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
