package ppvchat.external.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ppvchat.external.entity.CreditMove;
import ppvchat.external.entity.Debit;
import ppvchat.external.entity.HostUser;
import ppvchat.tenancy.control.RequestSignature;

class WebmasterServerTest {

    static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final CallPolicy FAST = new CallPolicy(
            Duration.ofMillis(500), Duration.ofMillis(400), List.of(Duration.ofMillis(20), Duration.ofMillis(40)));

    record Received(String path, String timestamp, String signature, String site, String key, byte[] body) {}

    record Answer(int status, String body, long delayMillis) {}

    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final Deque<Answer> script = new ArrayDeque<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ppv-api", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = exchange.getRequestHeaders();
            received.add(new Received(
                    exchange.getRequestURI().getPath(),
                    headers.getFirst(RequestSignature.TIMESTAMP_HEADER),
                    headers.getFirst(RequestSignature.SIGNATURE_HEADER),
                    headers.getFirst(RequestSignature.SITE_HEADER),
                    headers.getFirst(RequestSignature.IDEMPOTENCY_HEADER),
                    body));
            Answer answer;
            synchronized (script) {
                answer = script.size() > 1 ? script.poll() : script.peek();
            }
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(answer.status(), out.length);
                exchange.getResponseBody().write(out);
            } catch (IOException e) {
                // The client gave up waiting: nothing to answer.
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    void answer(int status, String body) {
        script.add(new Answer(status, body, 0));
    }

    ExternalSite site() {
        return ExternalSite.of("7", "http://127.0.0.1:" + server.getAddress().getPort() + "/ppv-api/", SECRET);
    }

    /** A clock one second further on every reading, so each attempt has a timestamp of its own. */
    static Clock ticking() {
        AtomicLong seconds = new AtomicLong(Instant.now().getEpochSecond());
        return new Clock() {
            public Instant instant() {
                return Instant.ofEpochSecond(seconds.getAndIncrement());
            }

            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
    }

    static Debit tip() {
        return Debit.forTip("tip:41", "u-1", 5, 3, "Luna");
    }

    @Test
    void everyCallIsSignedWithTheSiteSecretAndCarriesTheBodysKey() {
        answer(200, "{\"key\":\"tip:41\",\"credits\":5,\"balance\":995,\"replayed\":false}");

        CreditMove move = new WebmasterServer(site(), FAST, Clock.systemUTC()).debit(tip());

        assertEquals(new CreditMove("tip:41", 5, 995, false), move);
        Received call = received.get(0);
        assertEquals("/ppv-api/debit", call.path());
        assertEquals("7", call.site());
        assertEquals("tip:41", call.key());
        assertTrue(RequestSignature.verify(SECRET, call.timestamp(), call.signature(), call.body(), Instant.now()));
        assertFalse(
                RequestSignature.verify(SECRET + "0", call.timestamp(), call.signature(), call.body(), Instant.now()));
        String json = new String(call.body(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"reason\":\"tip\""), json);
        assertTrue(json.contains("\"showId\":null"), json);
    }

    @Test
    void retriesOn5xxAnd429KeepTheKeyAndBodyWithAFreshSignature() {
        answer(503, "{\"error\":\"busy\"}");
        answer(429, "{\"error\":\"slow down\"}");
        answer(200, "{\"key\":\"tip:41\",\"credits\":5,\"balance\":995,\"replayed\":true}");

        CreditMove move = new WebmasterServer(site(), FAST, ticking()).debit(tip());

        assertTrue(move.replayed());
        assertEquals(3, received.size());
        for (Received call : received) {
            assertEquals("tip:41", call.key());
            assertEquals(new String(received.get(0).body()), new String(call.body()));
            assertTrue(RequestSignature.verify(
                    SECRET,
                    call.timestamp(),
                    call.signature(),
                    call.body(),
                    Instant.ofEpochSecond(Long.parseLong(call.timestamp()))));
        }
        assertNotEquals(received.get(0).timestamp(), received.get(1).timestamp());
        assertNotEquals(received.get(0).signature(), received.get(1).signature());
    }

    @Test
    void refusalsAreFinalAndTyped() {
        answer(409, "{\"error\":\"key tip:41 was used for other content\"}");
        WebmasterServer webmaster = new WebmasterServer(site(), FAST, Clock.systemUTC());

        ExternalRefusal refusal = assertThrows(ExternalRefusal.class, () -> webmaster.debit(tip()));

        assertEquals(1, received.size());
        assertEquals(409, refusal.status());
        assertTrue(refusal.conflict());
        assertEquals("key tip:41 was used for other content", refusal.reason());
    }

    @Test
    void tooFewCreditsCarryTheBalance() {
        answer(402, "{\"error\":\"not enough credits\",\"balance\":3}");

        InsufficientExternalCredits refusal = assertThrows(
                InsufficientExternalCredits.class,
                () -> new WebmasterServer(site(), FAST, Clock.systemUTC()).debit(tip()));

        assertEquals(3, refusal.balance());
        assertEquals(402, refusal.status());
        assertEquals(1, received.size());
    }

    @Test
    void neitherTheSecretNorThePasswordEndsUpInAMessage() {
        answer(401, "{\"error\":\"wrong password hunter2 for secret " + SECRET + "\"}");
        WebmasterServer webmaster = new WebmasterServer(site(), FAST, Clock.systemUTC());

        ExternalRefusal refusal = assertThrows(ExternalRefusal.class, () -> webmaster.authenticate("alice", "hunter2"));

        assertEquals(401, refusal.status());
        assertFalse(refusal.getMessage().contains("hunter2"), refusal.getMessage());
        assertFalse(refusal.getMessage().contains(SECRET), refusal.getMessage());
        assertFalse(site().toString().contains(SECRET));
    }

    @Test
    void authenticateReadsTheHostUser() {
        answer(
                200,
                "{\"id\":\"u-1\",\"username\":\"alice\",\"image\":null,\"gender\":\"female\",\"role\":\"user\","
                        + "\"profile\":\"https://www.example.com/u/alice\",\"extra\":1}");

        HostUser user = new WebmasterServer(site(), FAST, Clock.systemUTC()).authenticate("alice", "pw");

        assertEquals(new HostUser("u-1", "alice", null, "female", "user", "https://www.example.com/u/alice"), user);
    }

    @Test
    void aSlowServerTimesOutWithinTheBound() {
        script.add(new Answer(200, "{}", 3_000));
        long started = System.nanoTime();

        ExternalServerDown down = assertThrows(
                ExternalServerDown.class, () -> new WebmasterServer(site(), FAST, Clock.systemUTC()).balance("u-1"));

        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertEquals(3, down.attempts());
        assertTrue(millis < 3 * 400 + 60 + 1_000, "took " + millis + " ms");
        assertTrue(down.getMessage().contains("no answer within 400 ms"), down.getMessage());
    }

    @Test
    void aServerThatIsDownIsReportedQuicklyWithTheStandardPolicy() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        WebmasterServer webmaster =
                new WebmasterServer(ExternalSite.of("7", "http://127.0.0.1:" + closedPort + "/ppv-api", SECRET));
        long started = System.nanoTime();

        ExternalServerDown down = assertThrows(ExternalServerDown.class, () -> webmaster.debit(tip()));

        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertEquals(3, down.attempts());
        assertTrue(millis >= 1_000 && millis < 3_000, "took " + millis + " ms");
    }

    @Test
    void anAnswerOutsideTheContractIsNotTakenForOne() {
        answer(200, "<html>hello</html>");

        assertThrows(
                ExternalAnswerInvalid.class, () -> new WebmasterServer(site(), FAST, Clock.systemUTC()).balance("u-1"));
    }

    @Test
    void onlyHttpsLeavesTheMachine() {
        assertThrows(IllegalArgumentException.class, () -> ExternalSite.of("7", "http://www.example.com/api", SECRET));
        assertThrows(IllegalArgumentException.class, () -> ExternalSite.of("7", "ftp://127.0.0.1/api", SECRET));
        assertThrows(IllegalArgumentException.class, () -> ExternalSite.of("7", "not a url", SECRET));
        assertEquals(
                "https://www.example.com/ppv-api/debit",
                ExternalSite.of("7", "https://www.example.com/ppv-api/", SECRET)
                        .endpoint("debit")
                        .toString());
        ExternalSite.of("7", "http://localhost:8090", SECRET);
    }
}
