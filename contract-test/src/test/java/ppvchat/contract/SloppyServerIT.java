package ppvchat.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract test against a server that gets the two hard parts wrong: it takes unsigned calls, and it debits
 * again when a key is repeated. The checks must say so, each with a reason.
 */
class SloppyServerIT {

    HttpServer server;
    final AtomicLong credits = new AtomicLong(1000);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ppv-api/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void signatureAndIdempotencyChecksFailWithClearReasons() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/ppv-api";

        int exit = ContractCheck.run(
                ReferenceServerIT.args(url),
                Map.of("TEST_PASSWORD", "demo", "TEST_SECRET", PhpReferenceServer.SECRET)::get,
                new PrintStream(out),
                new PrintStream(new ByteArrayOutputStream()));

        String printed = out.toString(StandardCharsets.UTF_8);
        Map<String, String> lines = printed.lines()
                .filter(line -> line.startsWith("PASS ") || line.startsWith("FAIL "))
                .collect(Collectors.toMap(line -> line.substring(5).split(" — ")[0], line -> line));
        assertEquals(1, exit, printed);
        for (String check : List.of(
                "unsigned call refused (401)",
                "wrong signature refused (401)",
                "stale timestamp refused (401)",
                "tampered body refused (401)")) {
            assertTrue(lines.get(check).startsWith("FAIL " + check + " — answered "), printed);
        }
        assertTrue(
                lines.get("same debit key again is a replay, applied once")
                        .contains("the replay was applied again: balance 998, expected 999"),
                printed);
        assertTrue(lines.get("same debit key with other content refused (409)").contains("accepted"), printed);
        assertTrue(lines.get("same refund key again is a replay, applied once").startsWith("FAIL"), printed);
        assertTrue(lines.get("show report kept once").contains("replayed: false"), printed);
        assertTrue(lines.get("test user's balance is as it was").startsWith("FAIL"), printed);
        // What the sloppy server does right still passes: the checks are specific.
        assertTrue(lines.get("authenticate with the right password").startsWith("PASS"), printed);
        assertTrue(lines.get("balance of an unknown user refused (404)").startsWith("PASS"), printed);
        assertFalse(printed.contains(PhpReferenceServer.SECRET));
    }

    private void answer(HttpExchange exchange) throws IOException {
        String call = exchange.getRequestURI().getPath().substring("/ppv-api/".length());
        JsonObject body;
        try {
            body = Json.createReader(new StringReader(
                            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))
                    .readObject();
        } catch (JsonException e) {
            send(exchange, 400, "{\"error\":\"bad JSON\"}");
            return;
        }
        switch (call) {
            case "authenticate" -> {
                if (body.getString("password", "").equals("demo")) {
                    send(
                            exchange,
                            200,
                            "{\"id\":\"1001\",\"username\":\"alice\",\"image\":null,\"gender\":\"female\","
                                    + "\"role\":\"user\",\"profile\":null}");
                } else {
                    send(exchange, 401, "{\"error\":\"wrong password\"}");
                }
            }
            case "balance" -> {
                if (body.getString("userId", "").equals("1001")) {
                    send(exchange, 200, "{\"userId\":\"1001\",\"credits\":" + credits.get() + "}");
                } else {
                    send(exchange, 404, "{\"error\":\"unknown user\"}");
                }
            }
            case "debit" -> {
                long asked = body.getJsonNumber("credits").longValue();
                if (asked > credits.get()) {
                    send(exchange, 402, "{\"error\":\"not enough\",\"balance\":" + credits.get() + "}");
                } else {
                    long left = credits.addAndGet(-asked); // the same key again debits again
                    send(
                            exchange,
                            200,
                            "{\"key\":\"" + body.getString("key") + "\",\"credits\":" + asked + ",\"balance\":" + left
                                    + ",\"replayed\":false}");
                }
            }
            case "refund" -> {
                long given = body.getJsonNumber("credits").longValue();
                long left = credits.addAndGet(given);
                send(
                        exchange,
                        200,
                        "{\"key\":\"" + body.getString("key") + "\",\"credits\":" + given + ",\"balance\":" + left
                                + ",\"replayed\":false}");
            }
            case "shows", "tips" -> send(
                    exchange, 200, "{\"key\":\"" + body.getString("key") + "\",\"replayed\":false}");
            case "reconciliation" -> send(exchange, 200, "{\"debits\":[],\"refunds\":[]}");
            default -> send(exchange, 404, "{\"error\":\"no such call\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
