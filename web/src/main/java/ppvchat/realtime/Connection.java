package ppvchat.realtime;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import ppvchat.accounts.boundary.Admitted;
import ppvchat.accounts.entity.Role;

/**
 * One open socket: who it is, where it is, and its two edges.
 *
 * <p>Outbound, the container never pushes back: Grizzly accepts every frame into its own queue however slowly
 * the client reads. So the connection measures what the client has really read. Every {@code ping-every-bytes}
 * of text it sends a WebSocket ping carrying the count sent so far; the client's pong (browsers answer pings
 * by themselves) comes back only once it has read everything before the ping. A client more than
 * {@code max-unread-bytes} behind is dropped as too slow, so it never holds up the others or grows the
 * server's memory beyond that. Inbound, a token bucket per socket; a client refused too many times in a row
 * is closed as a flood.
 */
public final class Connection {

    private static final Logger LOG = Logger.getLogger(Connection.class.getName());
    private static final int MAX_CLOSE_REASON_BYTES = 120;
    private static final int MAX_EARLY = 100;

    private final Session session;
    private final Admitted who;
    private final String address;
    private final Where where;
    private final long maxUnread;
    private final long pingEvery;
    private final Bucket messages;
    private final int typingPerSecond;
    private final int floodRefusals;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicBoolean pinging = new AtomicBoolean();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile long read;
    private volatile List<Outbound> early = new ArrayList<>();
    private volatile long lastHeard = System.nanoTime();
    private final RawFrames raw;
    private volatile Bucket typing;
    private volatile String part = "";
    private volatile boolean watchingTyping;
    private volatile Consumer<Connection> onEnd = connection -> {};

    /** A room socket is in one performer's room; a wall socket watches a webmaster's wall. */
    public record Where(long webmasterId, long performerId) {

        public static Where wall(long webmasterId) {
            return new Where(webmasterId, 0);
        }

        public boolean isWall() {
            return performerId == 0;
        }
    }

    Connection(Session session, SocketPrincipal principal, Where where, RealtimeSettings settings) {
        this.session = session;
        this.who = principal.who();
        this.address = principal.address();
        this.where = where;
        this.maxUnread = settings.maxUnreadBytes();
        this.pingEvery = settings.pingEveryBytes();
        this.messages = Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(settings.messageBurst())
                        .refillGreedy(settings.messagesPerSecond(), Duration.ofSeconds(1))
                        .build())
                .build();
        this.typingPerSecond = settings.typingPerSecond();
        this.floodRefusals = settings.floodRefusals();
        this.raw = RawFrames.of(session).orElse(null);
    }

    /**
     * The first message, then whatever the room said meanwhile: until the first message is out, others wait
     * here (a few at most), so that a client always hears {@code welcome} first.
     */
    public void sendFirst(String text) {
        synchronized (this) {
            deliver(new Outbound(text));
            if (early != null) {
                early.forEach(this::deliver);
            }
            early = null;
        }
    }

    public void send(String text) {
        send(new Outbound(text));
    }

    /** Queues one already encoded message; drops the client when it is too far behind. */
    public void send(Outbound message) {
        if (ended.get()) {
            return;
        }
        if (early != null) {
            synchronized (this) {
                if (early != null) {
                    if (early.size() < MAX_EARLY) {
                        early.add(message);
                        return;
                    }
                }
            }
            if (early != null) {
                end(CloseCodes.TOO_SLOW, "too many messages before the welcome; reconnect");
                return;
            }
        }
        deliver(message);
    }

    private void deliver(Outbound message) {
        if (!ended.get()) {
            write(message);
        }
    }

    private void write(Outbound message) {
        long total = sent.addAndGet(message.text().length());
        if (total - read > maxUnread) {
            LOG.info(() -> "dropping user " + who.userId() + " of webmaster " + who.webmasterId() + ": more than "
                    + maxUnread + " characters unread");
            end(CloseCodes.TOO_SLOW, "too slow: more than " + maxUnread + " characters unread; reconnect");
            return;
        }
        try {
            if (raw != null) {
                raw.send(message.frame());
            } else {
                session.getAsyncRemote().sendText(message.text(), result -> {
                    if (!result.isOK()) {
                        end(CloseCodes.SERVER_ERROR, "could not send");
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "send failed on a closing socket", e);
            return;
        }
        if (total - read >= pingEvery && pinging.compareAndSet(false, true)) {
            ping(total);
        }
    }

    /** The client's answer to a ping: it has read everything sent before it. */
    public void ponged(ByteBuffer payload) {
        heard();
        if (payload.remaining() != Long.BYTES) {
            return;
        }
        long upTo = payload.getLong();
        if (upTo > read && upTo <= sent.get()) {
            read = upTo;
        }
        pinging.set(false);
        long total = sent.get();
        if (total - read >= pingEvery && pinging.compareAndSet(false, true)) {
            ping(total);
        }
    }

    /** The client sent something: it is not idle. */
    public void heard() {
        lastHeard = System.nanoTime();
    }

    public boolean silentFor(long nanos, long now) {
        return now - lastHeard > nanos;
    }

    private void ping(long upTo) {
        byte[] payload = ByteBuffer.allocate(Long.BYTES).putLong(upTo).array();
        try {
            if (raw != null) {
                raw.send(Outbound.ping(payload));
            } else {
                session.getAsyncRemote().sendPing(ByteBuffer.wrap(payload));
            }
        } catch (IOException | RuntimeException e) {
            pinging.set(false);
            LOG.log(Level.FINE, "ping failed on a closing socket", e);
        }
    }

    /** Takes one message from the client's allowance. */
    public boolean allowMessage() {
        if (messages.tryConsume(1)) {
            refusals.set(0);
            return true;
        }
        return false;
    }

    /** Typing previews have their own, smaller allowance; extras are dropped without complaint. */
    public boolean allowTyping() {
        Bucket bucket = typing;
        if (bucket == null) {
            bucket = Bucket.builder()
                    .addLimit(Bandwidth.builder()
                            .capacity(typingPerSecond)
                            .refillGreedy(typingPerSecond, Duration.ofSeconds(1))
                            .build())
                    .build();
            typing = bucket;
        }
        if (bucket.tryConsume(1)) {
            refusals.set(0);
            return true;
        }
        return false;
    }

    /** Counts a refused message; true once the client has been refused too often in a row and must go. */
    public boolean refusedTooOften() {
        return refusals.incrementAndGet() > floodRefusals;
    }

    /** What happens when this connection ends, however it ends; runs once. */
    public void onEnd(Consumer<Connection> onEnd) {
        this.onEnd = onEnd;
    }

    /** Ends the connection once: forgets it, runs the end action, and closes the socket with the code. */
    public void end(int code, String reason) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        try {
            // What waited for the welcome (an ejection, say) still goes out before the close.
            synchronized (this) {
                if (early != null) {
                    early.forEach(this::write);
                    early = null;
                }
            }
            onEnd.accept(this);
        } finally {
            closeSocket(code, reason);
        }
    }

    private void closeSocket(int code, String reason) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), shortened(reason)));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing a socket failed", e);
        }
    }

    public boolean isEnded() {
        return ended.get();
    }

    void joinedAs(String part) {
        this.part = part;
    }

    public String part() {
        return part;
    }

    public void watchTyping() {
        this.watchingTyping = true;
    }

    /** Only roles that may ever see live typing, and only after the boundary allowed it and audited it. */
    public boolean watchesTyping() {
        return watchingTyping && who.role().mayEverSeeLiveTyping();
    }

    public boolean isStaffOrPerformer() {
        return "STAFF".equals(part) || "PERFORMER".equals(part);
    }

    public boolean isWatcher() {
        return "WATCHER".equals(part);
    }

    public Admitted who() {
        return who;
    }

    public long userId() {
        return who.userId();
    }

    public Role role() {
        return who.role();
    }

    public String address() {
        return address;
    }

    public Where where() {
        return where;
    }

    private static String shortened(String reason) {
        String text = reason == null ? "" : reason;
        while (text.getBytes(StandardCharsets.UTF_8).length > MAX_CLOSE_REASON_BYTES) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
