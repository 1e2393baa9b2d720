package ppvchat.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WireFormatTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private final WireFormat wire = new WireFormat(VALIDATION.getValidator());

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void everyKindIsKnownByItsTypeAndDecodesToItsRecord() {
        ClientMessage tip = wire.decode("{\"type\":\"tip\",\"credits\":25,\"key\":\"a-1\",\"ignored\":true}");
        assertEquals(new ClientMessage.Tip(25L, "a-1"), tip);
        assertEquals("tip", WireFormat.typeOf(tip));
        ClientMessage signal = wire.decode("{\"type\":\"signal\",\"to\":7,\"signal\":{\"sdp\":\"v=0\"}}");
        assertEquals(
                "v=0",
                assertInstanceOf(ClientMessage.Signal.class, signal).signal().getString("sdp"));
        assertInstanceOf(ClientMessage.Ping.class, wire.decode("{\"type\":\"ping\"}"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{oops | bad_json",
                "\"a string\" | bad_json",
                "[] | bad_json",
                "{\"type\":5} | bad_message",
                "{} | bad_message",
                "{\"type\":\"wire-transfer\"} | unknown_type",
                "{\"type\":\"chat\"} | bad_message",
                "{\"type\":\"chat\",\"text\":\"\"} | bad_message",
                "{\"type\":\"tip\",\"credits\":0,\"key\":\"k\"} | bad_message",
                "{\"type\":\"tip\",\"credits\":{},\"key\":\"k\"} | bad_message",
                "{\"type\":\"ban\",\"userId\":3} | bad_message",
                "{\"type\":\"signal\",\"to\":3,\"signal\":\"not an object\"} | bad_message"
            })
    void badInputSaysWhatIsWrong(String input, String code) {
        BadMessage bad = assertThrows(BadMessage.class, () -> wire.decode(input));
        assertEquals(code, bad.code(), bad.getMessage());
        assertTrue(!bad.getMessage().isBlank());
    }

    @Test
    void aMissingFieldIsNamed() {
        BadMessage bad = assertThrows(BadMessage.class, () -> wire.decode("{\"type\":\"ban\",\"userId\":3}"));
        assertEquals("ban: minutes must not be null", bad.getMessage());
    }

    @Test
    void serverMessagesCarryTheirTypeFirstAndOmitNulls() {
        String chat = wire.encode(new ServerMessage.Chat(
                "id-1",
                new ServerMessage.Person(2, "alice", "USER"),
                "<b>hi</b>",
                Instant.parse("2026-11-27T10:00:00Z"),
                null,
                null));
        assertTrue(chat.startsWith("{\"type\":\"chat\""), chat);
        assertTrue(chat.contains("\"text\":\"<b>hi</b>\""), "text is data, sent as it is: " + chat);
        assertTrue(!chat.contains("showId"), chat);
        assertTrue(!chat.contains("photo"), "a text line has no photo: " + chat);
        assertEquals("{\"type\":\"pong\"}", wire.encode(new ServerMessage.Pong()));
    }

    @Test
    void aPhotoLineCarriesEmptyTextAndThePhotosUrlAndSize() {
        String chat = wire.encode(new ServerMessage.Chat(
                "id-2",
                new ServerMessage.Person(2, "alice", "USER"),
                "",
                Instant.parse("2026-11-27T10:00:00Z"),
                null,
                new ServerMessage.Photo("/api/webmasters/1/chat-photos/0f8e", 800, 600)));
        assertTrue(chat.contains("\"text\":\"\""), chat);
        assertTrue(
                chat.contains(
                        "\"photo\":{\"height\":600,\"url\":\"/api/webmasters/1/chat-photos/0f8e\",\"width\":800}"),
                chat);
    }
}
