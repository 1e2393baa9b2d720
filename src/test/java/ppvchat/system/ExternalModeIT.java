package ppvchat.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ppvchat.system.RealtimeProtocolChecks.message;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import ppvchat.external.control.ExternalSite;
import ppvchat.external.control.WebmasterServer;
import ppvchat.external.entity.Reconciliation;

/**
 * External mode end to end: the chat on Payara Micro and MariaDB with a site whose users and credits live on the
 * PHP reference server, on real sockets. Users sign in against the site's server; a private show is paid for
 * in blocks debited there, its unused credits refunded and the show reported; a tip is debited and
 * reported; the site's books then match the chat's. The site's server going down mid-show ends the show
 * cleanly, billed for what was confirmed, and nothing is charged twice when it comes back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExternalModeIT {

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(180);
    private static final long SITE = 2;
    private static final String SECRET = "6a1f0c9e8d7b6a5f4e3d2c1b0a9f8e7d6a1f0c9e8d7b6a5f4e3d2c1b0a9f8e7d";
    private static final String ALICE = "1001";

    private ReferenceSite webmasterSite;
    private PayaraMicroProcess chat;
    private WebmasterServer siteServer;
    private String origin;
    private long nova;
    private final Instant began = Instant.now().minusSeconds(60);

    @BeforeAll
    void startTheSiteServerAndTheChat() {
        Path work = SystemTestSettings.freshWorkDir("external-mode");
        webmasterSite = ReferenceSite.start(work, SITE, SECRET);
        Map<String, String> mariaDb = SystemTestSettings.loadTestOnMariaDb(TestDatabase.recreate("ppv_external"));
        chat = PayaraMicroProcess.start(
                SystemTestSettings.existingFile("ppv.micro.jar"),
                SystemTestSettings.existingFile("ppv.micro.war"),
                work.resolve("run"),
                port -> withAll(
                        mariaDb,
                        Map.ofEntries(
                                Map.entry("ppv.demo.enabled", "true"),
                                Map.entry("ppv.demo.origins", "http://127.0.0.1:" + port),
                                Map.entry("ppv.demo.external.url", webmasterSite.apiUrl()),
                                Map.entry("ppv.demo.external.secret", SECRET),
                                Map.entry("ppv.secrets.key", "uF3Ge0OIviAi1zemBAZtouRxJZqmGDz6DxyUlg2fKfc="),
                                Map.entry("ppv.loadtest.enabled", "true"),
                                // Blocks of 10 seconds, so that a short show asks the site's server several times.
                                Map.entry("ppv.metering.hold-seconds", "10"),
                                Map.entry("ppv.metering.extend-below-seconds", "4"),
                                Map.entry("ppv.external.delivery-seconds", "1"))));
        try {
            chat.awaitReady(BOOT_TIMEOUT);
        } catch (RuntimeException | Error e) {
            chat.close();
            webmasterSite.close();
            throw e;
        }
        origin = "http://127.0.0.1:" + chat.site().uri("/").getPort();
        siteServer = new WebmasterServer(ExternalSite.of(Long.toString(SITE), webmasterSite.apiUrl(), SECRET));
        nova = json(chat.site().get("/api/webmasters/" + SITE + "/performers").body())
                .asJsonArray()
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
    }

    @AfterAll
    void stop() {
        if (chat != null) {
            chat.close();
        }
        if (webmasterSite != null) {
            System.out.println("[reference server log]\n" + webmasterSite.logText());
            webmasterSite.close();
        }
    }

    @Test
    @Order(1)
    void usersSignInAgainstTheSitesServerAndSeeTheirCreditsFromThere() {
        HttpResponse<String> wrong = signIn("alice", "not-her-password");
        assertEquals(401, wrong.statusCode(), wrong::body);
        assertTrue(wrong.body().contains("wrong username or password"), wrong.body());

        JsonObject alice = json(signIn("alice", "demo").body()).asJsonObject();
        assertEquals("alice", alice.getString("username"));
        assertEquals("USER", alice.getString("role"));
        JsonObject me = json(chat.site()
                        .send("GET", "/api/webmasters/" + SITE + "/chat/me", "Authorization", "Bearer " + token(alice))
                        .body())
                .asJsonObject();
        assertEquals(1000, me.getInt("credits"), "alice's credits, as the site's server keeps them: " + me);

        HttpResponse<String> registration = chat.site()
                .postJson(
                        "/api/webmasters/" + SITE + "/chat/users",
                        "{\"username\":\"newbie\",\"password\":\"12345678\"}");
        assertEquals(400, registration.statusCode(), "users register on the site, not here");
        assertEquals(
                "[]", chat.site().get("/api/webmasters/" + SITE + "/packages").body(), "no credits sold here");
        HttpResponse<String> purchase = chat.site()
                .postJson(
                        "/api/webmasters/" + SITE + "/paypal/orders",
                        "{\"packageId\":1}",
                        "Authorization",
                        "Bearer " + token(alice));
        assertEquals(400, purchase.statusCode(), purchase::body);
        assertTrue(purchase.body().contains("sells credits on its own pages"), purchase.body());
        assertEquals("moderator", siteUser("1003").getString("role"));
        assertEquals(
                "MODERATOR", json(signIn("mia", "demo").body()).asJsonObject().getString("role"));
    }

    @Test
    @Order(2)
    void aPrivateShowIsPaidInBlocksDebitedThereAndATipToo() {
        long showId;
        long charged;
        try (SocketClient star = room(signedIn("nova", "demo-chat"), "nova");
                SocketClient payer = room(signedIn("alice", "demo"), "alice")) {
            showId = privateShow(star, payer);
            // Grace 10 s, then 1 credit a second; blocks of 10 s: a second block before 22 s.
            sleep(Duration.ofSeconds(22));
            payer.send(message("show.end", "showId", showId));
            JsonObject ended = payer.take("show.ended", m -> true, Duration.ofSeconds(10));
            assertEquals("USER_LEFT", ended.getString("reason"));
            charged = ended.getInt("credits");
            assertTrue(charged >= 11 && charged <= 14, "about 12 billed seconds at 1 credit: " + ended);

            payer.send(Json.createObjectBuilder()
                    .add("type", "tip")
                    .add("credits", 7)
                    .add("key", "tip-after-show")
                    .build());
            assertEquals(7, star.take("tip").getInt("credits"));
        }

        awaitDelivered("the refund and both reports");
        assertEquals(1000 - charged - 7, siteServer.balance(ALICE).credits(), "alice's credits on the site");

        Reconciliation applied = siteServer.reconciliation(began, Instant.now().plusSeconds(60));
        long debited = applied.debits().stream()
                .mapToLong(Reconciliation.AppliedDebit::credits)
                .sum();
        long refunded = applied.refunds().stream()
                .mapToLong(Reconciliation.AppliedRefund::credits)
                .sum();
        assertEquals(charged + 7, debited - refunded, "the site's ledger nets to what the chat billed: " + applied);
        List<String> blocks = applied.debits().stream()
                .map(Reconciliation.AppliedDebit::key)
                .filter(key -> key.startsWith("show:" + showId + ":block:"))
                .toList();
        assertTrue(blocks.size() >= 2, "the show asked for more than one block: " + blocks);

        JsonArray rows = json(webmasterSite.query(
                        "SELECT action, credits FROM ppv_tips WHERE idempotency_key IN ('show:" + showId
                                + "') OR action = 'tips' ORDER BY action"))
                .asJsonArray();
        assertEquals(2, rows.size(), "one show report and one tip report in the site's ppv_tips: " + rows);
        assertEquals("liveshow", rows.getJsonObject(0).getString("action"));
        assertEquals(
                charged,
                Long.parseLong(rows.getJsonObject(0).get("credits").toString().replace("\"", "")));
        assertEquals("tips", rows.getJsonObject(1).getString("action"));
        assertBooksBalance();
        JsonObject books = externalBooks();
        assertEquals(charged + 7, books.getInt("debitedHere") - books.getInt("refundedHere"), books.toString());
        assertEquals(charged + 7, books.getInt("billedHere"), "billed here = net debited there: " + books);
    }

    @Test
    @Order(3)
    void theSitesServerGoingDownMidShowEndsItCleanlyAndNothingIsChargedTwice() {
        long before = siteServer.balance(ALICE).credits();
        long showId;
        long charged;
        try (SocketClient star = room(signedIn("nova", "demo-chat"), "nova");
                SocketClient payer = room(signedIn("alice", "demo"), "alice")) {
            showId = privateShow(star, payer);

            webmasterSite.down();
            JsonObject ended = payer.take("show.ended", m -> true, Duration.ofSeconds(40));
            charged = ended.getInt("credits");
            assertTrue(
                    ended.getInt("seconds") <= 10 && charged <= 10,
                    "billed for the block the site's server confirmed, no more: " + ended);

            payer.send(message("private.request"));
            JsonObject refused = payer.take("error", m -> "private.request".equals(m.getString("about", "")));
            assertTrue(refused.getString("message").contains("the site's server does not answer"), refused.toString());
            assertFalse(star.got("private.requested", Duration.ofSeconds(1)), "no show starts while it is down");
        }

        webmasterSite.up();
        awaitDelivered("what was owed while the site's server was down");
        assertEquals(before - charged, siteServer.balance(ALICE).credits(), "charged once, for what was confirmed");
        JsonArray reports = json(webmasterSite.query(
                        "SELECT credits FROM ppv_tips WHERE idempotency_key = 'show:" + showId + "'"))
                .asJsonArray();
        assertEquals(1, reports.size(), "the show reported once: " + reports);
        assertBooksBalance();
        externalBooks();
    }

    /** alice asks nova for a private show, which nova accepts: its id, once it started. */
    private static long privateShow(SocketClient star, SocketClient payer) {
        payer.send(message("private.request"));
        long showId = star.take("private.requested").getJsonNumber("showId").longValue();
        star.send(message("private.accept", "showId", showId));
        payer.take("show.started");
        return showId;
    }

    private String signedIn(String username, String password) {
        return token(json(signIn(username, password).body()).asJsonObject());
    }

    /** Until nothing is owed: refunds and reports delivered, debits never booked undone (a minute after). */
    private static Map<String, String> withAll(Map<String, String> first, Map<String, String> second) {
        Map<String, String> all = new LinkedHashMap<>(first);
        all.putAll(second);
        return all;
    }

    private void awaitDelivered(String what) {
        await(what, Duration.ofSeconds(100), () -> {
            JsonObject counts = json(chat.site()
                            .get("/api/loadtest/webmasters/" + SITE + "/external-moves")
                            .body())
                    .asJsonObject();
            return counts.getInt("PENDING", 0) == 0;
        });
    }

    private void assertBooksBalance() {
        JsonObject books = json(chat.site()
                        .get("/api/loadtest/webmasters/" + SITE + "/reconciliation")
                        .body())
                .asJsonObject();
        assertTrue(books.getJsonArray("problems").isEmpty(), "the chat's books for the site: " + books);
    }

    /**
     * The console's comparison of the chat's calls with the site's books, by key: no differences, nothing
     * refused, nothing owed; both sides' net the same.
     */
    private JsonObject externalBooks() {
        JsonObject books = json(chat.site()
                        .get("/api/loadtest/webmasters/" + SITE + "/external-books")
                        .body())
                .asJsonObject();
        assertTrue(books.getJsonArray("differences").isEmpty(), "the two sides agree: " + books);
        assertEquals(0, books.getInt("refused"), books.toString());
        assertEquals(0, books.getInt("pending"), books.toString());
        assertEquals(
                books.getInt("debitedHere") - books.getInt("refundedHere"),
                books.getInt("debitedThere") - books.getInt("refundedThere"),
                books.toString());
        return books;
    }

    private JsonObject siteUser(String id) {
        return json(webmasterSite.query("SELECT role FROM users WHERE id = '" + id + "'"))
                .asJsonArray()
                .getJsonObject(0);
    }

    private HttpResponse<String> signIn(String username, String password) {
        return chat.site()
                .postJson(
                        "/api/webmasters/" + SITE + "/chat/sessions",
                        Json.createObjectBuilder()
                                .add("username", username)
                                .add("password", password)
                                .build()
                                .toString());
    }

    private SocketClient room(String token, String name) {
        SocketClient client = SocketClient.open(
                chat.site().uri("/"), "/ws/webmasters/" + SITE + "/rooms/" + nova, token, origin, name);
        client.take("welcome");
        return client;
    }

    private static String token(JsonObject signedIn) {
        return signedIn.getString("token");
    }

    private static JsonValue json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }

    private static void await(String what, Duration patience, BooleanSupplier done) {
        Instant until = Instant.now().plus(patience);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("waited " + patience.toSeconds() + " s for " + what);
            }
            sleep(Duration.ofMillis(250));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
