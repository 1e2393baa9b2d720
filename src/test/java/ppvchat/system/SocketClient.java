package ppvchat.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client (the JDK's) on a room or wall socket of the product, for the protocol tests. It
 * keeps every message it receives; tests take them by type, in order, and wait for them with a timeout.
 */
final class SocketClient implements AutoCloseable {

    static final String SUBPROTOCOL = "ppvchat.1";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A handshake the server refused: the HTTP status and the JSON body's message. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String body) {
            super("refused with " + status + ": " + body);
            this.status = status;
        }
    }

    private final String name;
    private final List<JsonObject> inbox = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private String closeReason = "";
    private WebSocket socket;

    private final Duration readEvery;

    private SocketClient(String name, Duration readEvery) {
        this.name = name;
        this.readEvery = readEvery;
    }

    /** Opens a socket at {@code path} with the token (or none) from a page of {@code origin}. */
    static SocketClient open(URI base, String path, String token, String origin, String name) {
        return open(base, path, token, origin, name, Duration.ZERO);
    }

    /**
     * Like {@link #open}, reading one frame per {@code readEvery} at most: a client on a slow link. Pings
     * are answered only when reached, as a browser would.
     */
    static SocketClient open(URI base, String path, String token, String origin, String name, Duration readEvery) {
        SocketClient client = new SocketClient(name, readEvery);
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        if (origin != null) {
            builder.header("Origin", origin);
        }
        if (token != null) {
            builder.subprotocols(SUBPROTOCOL, "bearer." + token);
        } else {
            builder.subprotocols(SUBPROTOCOL);
        }
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws")).resolve(path);
        try {
            client.socket = builder.buildAsync(uri, client.new Listener()).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                Object body = refused.getResponse().body();
                throw new Refused(refused.getResponse().statusCode(), String.valueOf(body));
            }
            throw e;
        }
        return client;
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    void send(JsonObject message) {
        send(message.toString());
    }

    /** Takes the first message of {@code type} not taken yet, waiting for it. */
    JsonObject take(String type) {
        return take(type, message -> true, WAIT);
    }

    JsonObject take(String type, Predicate<JsonObject> matching) {
        return take(type, matching, WAIT);
    }

    synchronized JsonObject take(String type, Predicate<JsonObject> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Iterator<JsonObject> it = inbox.iterator(); it.hasNext(); ) {
                JsonObject message = it.next();
                if (type.equals(message.getString("type", "")) && matching.test(message)) {
                    it.remove();
                    return message;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(name + " got no " + type + " within " + timeout + "; it has " + inbox
                        + (closed.isDone() ? ", closed " + closed.join() + " " + closeReason : ""));
            }
            try {
                wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    /** True when a message of {@code type} arrived (or arrives within {@code within}); nothing is taken. */
    synchronized boolean got(String type, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            if (inbox.stream().anyMatch(message -> type.equals(message.getString("type", "")))) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** The close code the server sent, waiting for it. */
    int closeCode() {
        try {
            return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(name + " was not closed within " + WAIT + "; it has " + inbox);
        }
    }

    String closeReason() {
        closeCode();
        return closeReason;
    }

    boolean isOpen() {
        return !closed.isDone();
    }

    /** Drops the connection without a close handshake, as a lost network would. */
    void drop() {
        socket.abort();
        closed.complete(1006);
    }

    @Override
    public void close() {
        if (!closed.isDone() && !socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                socket.abort();
            }
        }
    }

    private synchronized void received(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            inbox.add(reader.readObject());
        }
        notifyAll();
    }

    private synchronized void closedWith(int code, String reason) {
        closeReason = reason;
        closed.complete(code);
        notifyAll();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received(partial.toString());
                partial.setLength(0);
            }
            readNext(webSocket);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            readNext(webSocket); // the JDK answers the ping with a pong by itself
            return null;
        }

        private void readNext(WebSocket webSocket) {
            if (readEvery.isZero()) {
                webSocket.request(1);
            } else {
                CompletableFuture.delayedExecutor(readEvery.toMillis(), TimeUnit.MILLISECONDS)
                        .execute(() -> webSocket.request(1));
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedWith(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closedWith(1006, String.valueOf(error));
        }
    }
}
