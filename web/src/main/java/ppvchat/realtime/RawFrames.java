package ppvchat.realtime;

import jakarta.websocket.Session;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes ready-made frames straight to a Tyrus socket. Tyrus (in Payara) re-arms an idle timer on Payara's
 * managed scheduler for every message sent through {@code RemoteEndpoint}, which made that the dominant
 * cost of a broadcast; and it frames the same text again for every socket. Its {@code TyrusWebSocket}
 * takes a raw frame, so a broadcast is framed once and written as it is. Where the socket is not Tyrus's
 * (or Tyrus changes), {@link #of} is empty and the standard API is used.
 */
final class RawFrames {

    private static final Logger LOG = Logger.getLogger(RawFrames.class.getName());

    private final MethodHandle sendRawFrame;

    private RawFrames(MethodHandle sendRawFrame) {
        this.sendRawFrame = sendRawFrame;
    }

    static Optional<RawFrames> of(Session session) {
        try {
            Object remote = session.getAsyncRemote();
            Field field = declaredField(remote.getClass(), "webSocket");
            if (field == null) {
                return Optional.empty();
            }
            field.setAccessible(true);
            Object webSocket = field.get(remote);
            MethodHandle send = MethodHandles.publicLookup()
                    .findVirtual(
                            webSocket.getClass(), "sendRawFrame", MethodType.methodType(Future.class, ByteBuffer.class))
                    .bindTo(webSocket);
            return Optional.of(new RawFrames(send));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "no raw frames on this socket; using the standard API", e);
            return Optional.empty();
        }
    }

    void send(byte[] frame) {
        try {
            sendRawFrame.invoke(ByteBuffer.wrap(frame));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("could not write a frame", e);
        }
    }

    private static Field declaredField(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    return field;
                }
            }
        }
        return null;
    }
}
