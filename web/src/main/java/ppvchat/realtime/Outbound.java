package ppvchat.realtime;

import java.nio.charset.StandardCharsets;

/**
 * One encoded message on its way to one or many sockets: the JSON text, and the WebSocket text frame
 * built from it at most once however many sockets it goes to.
 */
public final class Outbound {

    private final String text;
    private volatile byte[] frame;

    public Outbound(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The unmasked server-to-client text frame (RFC 6455 §5.2), built on first use and then shared. */
    public byte[] frame() {
        byte[] built = frame;
        if (built == null) {
            built = frame(0x81, text.getBytes(StandardCharsets.UTF_8));
            frame = built;
        }
        return built;
    }

    /** A ping frame carrying {@code payload} (at most 125 bytes). */
    static byte[] ping(byte[] payload) {
        return frame(0x89, payload);
    }

    private static byte[] frame(int opcode, byte[] payload) {
        int length = payload.length;
        int header = length <= 125 ? 2 : length <= 0xFFFF ? 4 : 10;
        byte[] frame = new byte[header + length];
        frame[0] = (byte) opcode;
        if (length <= 125) {
            frame[1] = (byte) length;
        } else if (length <= 0xFFFF) {
            frame[1] = 126;
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
        } else {
            frame[1] = 127;
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) length >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, frame, header, length);
        return frame;
    }
}
