package ppvchat.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real-time protocol against a running Payara Micro, with real WebSocket clients: chat, private shows
 * and their money, reconnects, typing previews, moderation, signaling, the wall, and every kind of bad
 * input and bad handshake. Each test makes its own site. Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RealtimeProtocolChecks {

    static final Duration QUIET = Duration.ofMillis(1_500);
    static final String TURN_SECRET = "turn-shared-secret-for-tests";

    private PayaraMicroProcess server;
    private HttpSession http;

    /** The database settings of the server under test. */
    abstract Map<String, String> database(String name);

    abstract String name();

    @BeforeAll
    void startServer() {
        Map<String, String> settings = new LinkedHashMap<>(database(name()));
        settings.put("ppv.loadtest.enabled", "true");
        settings.put("ppv.tokens.key", TestTokens.KEY);
        settings.put("ppv.rooms.reconnect-grace-seconds", "3");
        settings.put("ppv.ws.max-unread-bytes", "65536");
        settings.put("ppv.ws.ping-every-bytes", "8192");
        settings.put("ppv.ws.sessions-per-address", "1000");
        settings.put("ppv.ice.stun-urls", "stun:127.0.0.1:3478");
        settings.put("ppv.ice.turn-urls", "turn:127.0.0.1:3478?transport=udp");
        settings.put("ppv.ice.turn-secret", TURN_SECRET);
        // A new installation's first platform admin, and console sessions short enough to watch expire.
        settings.put("ppv.platform.admin-username", "root-admin");
        settings.put("ppv.platform.admin-password", "root-admin-password");
        settings.put("ppv.console.session-timeout-seconds", "6");
        server = PayaraMicroProcess.start(
                SystemTestSettings.existingFile("ppv.micro.jar"),
                SystemTestSettings.existingFile("ppv.micro.war"),
                SystemTestSettings.freshWorkDir(name()).resolve("server"),
                settings);
        server.awaitReady(Duration.ofMinutes(4));
        http = server.site();
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    TestSite site(String query) {
        return TestSite.create(http, query);
    }

    /**
     * A new installation's first platform admin comes from the environment; an idle console session ends
     * after its timeout, and signing out ends one at once.
     */
    @Test
    void theFirstPlatformAdminSignsInAndConsoleSessionsExpireAndEndOnSignOut() throws InterruptedException {
        HttpSession console = http.anotherVisitor();
        assertEquals(
                302,
                ProductChecks.signIn(console, "root-admin", "root-admin-password")
                        .statusCode());
        assertEquals(200, console.get("/admin/webmasters.xhtml").statusCode());
        Thread.sleep(8_000);
        assertEquals(302, console.get("/admin/webmasters.xhtml").statusCode(), "the idle session has expired");

        // signing in again leads on to a console page, as a browser follows the redirect
        HttpResponse<String> again = ProductChecks.signIn(console, "root-admin", "root-admin-password");
        assertEquals(302, again.statusCode());
        String next =
                http.uri(again.headers().firstValue("Location").orElseThrow()).getPath();
        HttpResponse<String> page = console.get(next);
        assertEquals(200, page.statusCode(), "signed in again");
        java.util.Map<String, String> signOut = FacesForm.fields(page.body(), "account");
        signOut.put("account:logout", "");
        console.postForm(next, signOut);
        assertEquals(302, console.get("/admin/index.xhtml").statusCode(), "signed out");
    }

    @Test
    void chatReachesEveryoneInTheRoomMaskedAndNobodyInAnotherRoomOrSite() {
        TestSite site = site("performers=2&users=3&badWords=darn,heck");
        TestSite other = site("performers=1&users=1");
        try (SocketClient star = site.enter(site.performer(), site.performer());
                SocketClient secondStar =
                        site.enter(site.performers().get(1), site.performers().get(1));
                SocketClient otherStar = other.enter(other.performer(), other.performer());
                SocketClient alice = site.enter(site.performer(), site.user(0));
                SocketClient guest = site.enter(site.performer(), site.guest());
                SocketClient moderator = site.enter(site.performer(), site.moderator());
                SocketClient elsewhere = site.enter(site.performers().get(1), site.user(1));
                SocketClient otherSite = other.enter(other.performer(), other.user(0))) {
            alice.send(chat("Darn, <b>hello</b> heckler & heck!"));
            for (SocketClient inRoom : List.of(star, alice, guest, moderator)) {
                JsonObject line = inRoom.take("chat");
                assertEquals(
                        "****, <b>hello</b> heckler & ****!", line.getString("text"), "masked, never HTML-escaped");
                assertEquals(
                        site.user(0).userId(),
                        line.getJsonObject("from").getJsonNumber("id").longValue());
                assertFalse(line.containsKey("showId"));
            }
            for (SocketClient away : List.of(secondStar, elsewhere, otherStar, otherSite)) {
                assertFalse(away.got("chat", QUIET), "chat leaked to another room or site");
            }
            try (SocketClient late = site.room(site.performer(), site.user(2))) {
                JsonObject welcome = late.take("welcome");
                assertEquals("WATCHER", welcome.getString("part"));
                assertEquals(1, welcome.getJsonArray("history").size(), "the room's recent chat");
                assertEquals(0, welcome.getJsonArray("watchers").size(), "watchers see no list of watchers");
            }
        }
    }

    @Test
    void aPrivateShowEjectsTheOthersBillsOnlyThePayerAndEndsWhenCreditsRunOut() {
        // 10 credits a second from the first second; 55 credits and 5 kept to stay pay for 5 seconds.
        TestSite site = site("users=2&credits=55&rate=600&grace=0&minStart=10&minStay=5&warnings=3");
        try (SocketClient star = site.enter(site.performer(), site.performer());
                SocketClient payer = site.enter(site.performer(), site.user(0));
                SocketClient other = site.enter(site.performer(), site.user(1));
                SocketClient moderator = site.enter(site.performer(), site.moderator())) {
            payer.send(message("private.request"));
            JsonObject asked = star.take("private.requested");
            assertEquals(600, asked.getInt("ratePerMinute"));
            assertEquals(site.user(0).name(), asked.getJsonObject("user").getString("name"));
            payer.take("private.requested");
            assertFalse(other.got("private.requested", QUIET), "only the performer and the asker");
            long showId = asked.getJsonNumber("showId").longValue();

            star.send(message("private.accept", "showId", showId));
            JsonObject ejected = other.take("ejected");
            assertEquals("ejected", ejected.getString("reason"));
            assertTrue(ejected.getString("message").contains("private"), ejected.toString());
            assertEquals(4000, other.closeCode());
            JsonObject started = payer.take("show.started");
            assertEquals(showId, started.getJsonNumber("showId").longValue());
            assertEquals(600, started.getInt("ratePerMinute"));
            assertEquals(0, started.getInt("freeSeconds"), "the site's grace, so that a meter can show it");
            assertEquals("UP", started.getString("rounding"), "and the site's rounding");
            moderator.take("show.started");
            assertTrue(payer.isOpen() && moderator.isOpen(), "the payer stays, staff look on");

            JsonObject held = payer.take("balance");
            assertEquals(55, held.getInt("credits"));
            assertTrue(held.getInt("available") < 55, "credits are held for the show: " + held);
            payer.send(chat("only for you"));
            assertEquals(showId, star.take("chat").getJsonNumber("showId").longValue());
            assertFalse(moderator.got("chat", QUIET), "private chat reaches only the two sides");

            JsonObject low = payer.take("balance.low", m -> true, Duration.ofSeconds(10));
            assertEquals(showId, low.getJsonNumber("showId").longValue());
            assertTrue(low.getInt("secondsLeft") <= 3, low.toString());
            assertFalse(star.got("balance.low", Duration.ZERO) || moderator.got("balance.low", Duration.ZERO));
            assertFalse(star.got("balance", Duration.ZERO), "nobody else hears the payer's balance");

            for (SocketClient side : List.of(payer, star)) {
                JsonObject ended = side.take("show.ended", m -> true, Duration.ofSeconds(15));
                assertEquals("CREDITS_EXHAUSTED", ended.getString("reason"));
                assertEquals(5, ended.getInt("seconds"));
                assertEquals(50, ended.getInt("credits"));
            }
            JsonObject last = payer.take("balance", m -> m.getInt("credits") == 5, Duration.ofSeconds(5));
            assertEquals(5, last.getInt("available"));
            assertBooksBalance(site);
        }
    }

    @Test
    void aReconnectWithinTheGraceKeepsTheShowAndADropPastItEndsItDisconnected() throws Exception {
        TestSite site = site("users=1&credits=100000&rate=60&grace=30");
        try (SocketClient star = site.enter(site.performer(), site.performer())) {
            SocketClient payer = site.enter(site.performer(), site.user(0));
            payer.send(message("private.request"));
            long showId = star.take("private.requested").getJsonNumber("showId").longValue();
            star.send(message("private.accept", "showId", showId));
            payer.take("show.started");

            payer.drop();
            Thread.sleep(1_000);
            SocketClient back = site.room(site.performer(), site.user(0));
            JsonObject welcome = back.take("welcome");
            assertEquals(showId, welcome.getJsonNumber("showId").longValue(), "the same show goes on");
            JsonObject show = welcome.getJsonObject("show");
            assertEquals(showId, show.getJsonNumber("showId").longValue());
            assertEquals(site.user(0).userId(), show.getJsonNumber("userId").longValue());
            assertEquals(60, show.getInt("ratePerMinute"));
            assertEquals(30, show.getInt("freeSeconds"));
            assertEquals("UP", show.getString("rounding"));
            long elapsed = show.getJsonNumber("elapsedSeconds").longValue();
            assertTrue(elapsed >= 1 && elapsed <= 10, "a meter can go on from here: " + show);
            Thread.sleep(3_500);
            assertFalse(star.got("show.ended", Duration.ZERO), "came back within the 3 s grace");

            back.drop();
            JsonObject ended = star.take("show.ended", m -> true, Duration.ofSeconds(10));
            assertEquals("DISCONNECTED", ended.getString("reason"));
            assertEquals(showId, ended.getJsonNumber("showId").longValue());
            assertBooksBalance(site);
        }
    }

    @Test
    void typingPreviewsReachOnlyStaffWhoAskedAndEachStartIsAudited() {
        TestSite site = site("users=2");
        try (SocketClient star = site.enter(site.performer(), site.performer());
                SocketClient alice = site.enter(site.performer(), site.user(0));
                SocketClient bob = site.enter(site.performer(), site.user(1));
                SocketClient guest = site.enter(site.performer(), site.guest());
                SocketClient moderator = site.enter(site.performer(), site.moderator())) {
            bob.send(message("typing.watch"));
            assertEquals("not_allowed", bob.take("error").getString("code"));
            guest.send(message("typing.watch"));
            assertEquals("not_allowed", guest.take("error").getString("code"));
            moderator.send(message("typing.watch"));
            moderator.take("typing.watching");

            alice.send(Json.createObjectBuilder()
                    .add("type", "typing")
                    .add("text", "hello the")
                    .build());
            JsonObject preview = moderator.take("typing");
            assertEquals("hello the", preview.getString("text"));
            assertEquals(site.user(0).userId(), preview.getJsonNumber("userId").longValue());
            for (SocketClient notStaff : List.of(bob, guest, star, alice)) {
                assertFalse(notStaff.got("typing", QUIET), "a typing preview leaked");
            }
            String audit = site.typingAudit();
            assertTrue(audit.contains("\"viewerUserId\":" + site.moderator().userId()), audit);
            assertTrue(audit.contains("MODERATOR"), audit);
            assertFalse(audit.contains("\"viewerUserId\":" + site.user(1).userId()), "refused starts are not audited");
        }
    }

    @Test
    void kickBanMuteAndRemovalTakeEffectAtOnce() {
        TestSite site = site("users=3&credits=100");
        try (SocketClient star = site.enter(site.performer(), site.performer());
                SocketClient moderator = site.enter(site.performer(), site.moderator());
                SocketClient guest = site.enter(site.performer(), site.guest());
                SocketClient alice = site.enter(site.performer(), site.user(0));
                SocketClient bob = site.enter(site.performer(), site.user(1));
                SocketClient carol = site.enter(site.performer(), site.user(2))) {
            carol.send(message("kick", "userId", site.user(1).userId()));
            assertEquals("not_allowed", carol.take("error").getString("code"), "users do not moderate");

            moderator.send(message("kick", "userId", site.guest().userId()));
            assertEquals("kicked", guest.take("ejected").getString("reason"));
            assertEquals(4001, guest.closeCode());
            assertEquals("kick", alice.take("moderation").getString("action"));
            site.enter(site.performer(), site.guest()).close();

            moderator.send(Json.createObjectBuilder()
                    .add("type", "mute")
                    .add("userId", site.user(1).userId())
                    .add("minutes", 5)
                    .build());
            bob.take("moderation", m -> m.getString("action").equals("mute"));
            bob.send(chat("can you hear me"));
            JsonObject refused = bob.take("error");
            assertEquals("not_allowed", refused.getString("code"));
            assertTrue(refused.getString("message").contains("muted"), refused.toString());

            carol.send(chat("a line to take down"));
            String lineId = moderator.take("chat").getString("id");
            moderator.send(Json.createObjectBuilder()
                    .add("type", "chat.remove")
                    .add("messageId", lineId)
                    .build());
            assertEquals(lineId, alice.take("chat.removed").getString("id"));

            moderator.send(Json.createObjectBuilder()
                    .add("type", "ban")
                    .add("userId", site.user(0).userId())
                    .add("minutes", 60)
                    .add("reason", "spam")
                    .build());
            JsonObject banned = alice.take("ejected");
            assertEquals("banned", banned.getString("reason"));
            assertEquals(4002, alice.closeCode());
            SocketClient.Refused again =
                    assertThrows(SocketClient.Refused.class, () -> site.room(site.performer(), site.user(0)));
            assertEquals(403, again.status, "a banned user's new handshake is refused");
            assertEquals(4, site.counts().getInt("ModerationAction"), "kick, mute, removal and ban, recorded");
        }
    }

    @Test
    void aPhotoSharedInARoomReachesEveryoneIsServedSafelyAndCanBeTakenDown() throws Exception {
        TestSite site = site("users=4");
        String upload = "/api/webmasters/" + site.webmasterId() + "/rooms/"
                + site.performer().performerId() + "/photos";
        byte[] png = png(320, 200);
        try (SocketClient star = site.enter(site.performer(), site.performer());
                SocketClient moderator = site.enter(site.performer(), site.moderator());
                SocketClient alice = site.enter(site.performer(), site.user(0));
                SocketClient bob = site.enter(site.performer(), site.user(1));
                SocketClient carol = site.enter(site.performer(), site.user(2))) {
            HttpResponse<String> created = http.postBytes(upload, png, photoHeaders(site.user(0), "image/png"));
            assertEquals(201, created.statusCode(), created.body());
            JsonObject answer = TestSite.json(created.body());
            String url = answer.getString("url");
            assertTrue(url.matches("/api/webmasters/" + site.webmasterId() + "/chat-photos/[0-9a-f-]{36}"), url);
            assertEquals(
                    http.uri(url).toString(),
                    created.headers().firstValue("Location").orElse(""),
                    "Location names the photo");
            assertEquals(320, answer.getInt("width"));
            assertEquals(200, answer.getInt("height"));
            for (SocketClient inRoom : List.of(star, moderator, alice, bob, carol)) {
                JsonObject line = inRoom.take("chat");
                assertEquals(answer.getString("messageId"), line.getString("id"));
                assertEquals("", line.getString("text"));
                assertEquals(url, line.getJsonObject("photo").getString("url"));
                assertEquals(320, line.getJsonObject("photo").getInt("width"));
            }

            HttpResponse<byte[]> served = http.anotherVisitor().getBytes(url);
            assertEquals(200, served.statusCode());
            assertEquals(
                    "image/jpeg", served.headers().firstValue("Content-Type").orElse(""));
            assertEquals(
                    "nosniff",
                    served.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals(
                    "default-src 'none'; sandbox",
                    served.headers().firstValue("Content-Security-Policy").orElse(""));
            assertEquals(
                    "inline; filename=\"photo.jpg\"",
                    served.headers().firstValue("Content-Disposition").orElse(""));
            assertEquals(
                    "private, max-age=86400",
                    served.headers().firstValue("Cache-Control").orElse(""));
            assertEquals(
                    "cross-origin",
                    served.headers().firstValue("Cross-Origin-Resource-Policy").orElse(""));
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(served.body()));
            assertTrue(picture != null && picture.getWidth() == 320 && picture.getHeight() == 200, "decodes");

            assertRefusal(
                    400, "join the room first", http.postBytes(upload, png, photoHeaders(site.user(3), "image/png")));
            try (SocketClient late = site.room(site.performer(), site.user(3))) {
                JsonObject history =
                        late.take("welcome").getJsonArray("history").getJsonObject(0);
                assertEquals(url, history.getJsonObject("photo").getString("url"), "photo lines are history");
            }

            byte[] text = "not a picture at all\n".getBytes(StandardCharsets.UTF_8);
            assertRefusal(
                    400,
                    "this file is not a picture we can read: send a JPEG, PNG, GIF or WebP",
                    http.postBytes(upload, text, photoHeaders(site.user(0), "image/png")));
            assertEquals(
                    415,
                    http.postBytes(upload, png, photoHeaders(site.user(0), "text/plain"))
                            .statusCode());
            assertRefusal(401, "sign in first: no token", http.postBytes(upload, png, "Content-Type", "image/png"));
            assertEquals(
                    401,
                    http.postBytes(upload, png, "Content-Type", "image/png", "Authorization", "Bearer forged")
                            .statusCode());

            moderator.send(Json.createObjectBuilder()
                    .add("type", "mute")
                    .add("userId", site.user(2).userId())
                    .add("minutes", 5)
                    .build());
            carol.take("moderation", m -> m.getString("action").equals("mute"));
            HttpResponse<String> muted = http.postBytes(upload, png, photoHeaders(site.user(2), "image/png"));
            assertEquals(400, muted.statusCode(), muted.body());
            assertTrue(muted.body().contains("muted"), muted.body());

            for (int i = 0; i < 3; i++) {
                http.postBytes(upload, text, photoHeaders(site.user(1), "image/png"));
            }
            HttpResponse<String> tooMany = http.postBytes(upload, png, photoHeaders(site.user(1), "image/png"));
            assertEquals(429, tooMany.statusCode(), tooMany.body());
            assertTrue(tooMany.headers().firstValue("Retry-After").isPresent());
            assertFalse(bob.got("chat", QUIET), "refused uploads post nothing");
            assertRefusal(
                    413,
                    "a photo may have at most 10 MB",
                    http.postBytes(upload, new byte[10 * 1024 * 1024 + 1], photoHeaders(site.user(3), "image/png")));
            assertEquals(1, site.counts().getInt("ChatPhoto"), "refused uploads store nothing");

            moderator.send(message("chat.remove", "messageId", answer.getString("messageId")));
            assertEquals(
                    answer.getString("messageId"), alice.take("chat.removed").getString("id"));
            assertRefusal(410, "this photo was removed", http.get(url));
            assertEquals(
                    404, http.get(url.substring(0, url.length() - 4) + "0000").statusCode());
            assertEquals(
                    404,
                    http.get("/api/webmasters/" + (site.webmasterId() + 1000) + "/chat-photos/"
                                    + url.substring(url.lastIndexOf('/') + 1))
                            .statusCode(),
                    "another site's id");

            byte[] noise = noisyPng(1000, 1000);
            assertTrue(noise.length > 2_500_000, "a few megabytes, as phone pictures are: " + noise.length);
            HttpResponse<String> big = http.postBytes(upload, noise, photoHeaders(site.user(0), "image/png"));
            assertEquals(201, big.statusCode(), big.body());
            assertEquals(1000, TestSite.json(big.body()).getInt("width"));
        }
    }

    @Test
    void everyKindOfBadInputGetsAClearErrorOrTheRightCloseAndChangesNothing() {
        TestSite site = site("users=2&credits=500");
        try (SocketClient star = site.enter(site.performer(), site.performer());
                SocketClient alice = site.enter(site.performer(), site.user(0));
                SocketClient bob = site.enter(site.performer(), site.user(1));
                SocketClient guest = site.enter(site.performer(), site.guest())) {
            JsonObject before = site.counts();
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("{not json", "bad_json");
            expected.put("[1,2]", "bad_json");
            expected.put("{\"text\":\"no type\"}", "bad_message");
            expected.put("{\"type\":\"transfer\",\"credits\":5}", "unknown_type");
            expected.put("{\"type\":\"tip\"}", "bad_message");
            expected.put("{\"type\":\"tip\",\"credits\":-5,\"key\":\"k\"}", "bad_message");
            expected.put("{\"type\":\"tip\",\"credits\":\"lots\",\"key\":\"k\"}", "bad_message");
            expected.put("{\"type\":\"chat\",\"text\":\"" + "x".repeat(501) + "\"}", "bad_message");
            expected.put("{\"type\":\"private.accept\"}", "bad_message");
            expected.put("{\"type\":\"kick\",\"userId\":" + site.user(1).userId() + "}", "not_allowed");
            expected.put(
                    "{\"type\":\"signal\",\"to\":" + site.user(1).userId() + ",\"signal\":{\"sdp\":\"v=0\"}}",
                    "not_allowed");
            expected.put("{\"type\":\"private.accept\",\"showId\":1}", "not_found");
            expected.put("{\"type\":\"tip\",\"credits\":100000,\"key\":\"too-much\"}", "insufficient_credits");
            expected.forEach((input, code) -> {
                alice.send(input);
                JsonObject error = alice.take("error");
                assertEquals(code, error.getString("code"), input + " -> " + error);
                assertFalse(error.getString("message").isBlank());
            });
            guest.send(message("private.request"));
            assertEquals("not_allowed", guest.take("error").getString("code"), "a guest may not book a show");
            guest.send(Json.createObjectBuilder()
                    .add("type", "tip")
                    .add("credits", 5)
                    .add("key", "g1")
                    .build());
            assertEquals("not_allowed", guest.take("error").getString("code"), "a guest may not tip");
            assertFalse(bob.got("signal", QUIET), "a signal to someone else's peer is never relayed");

            JsonObject after = site.counts();
            for (String kind : List.of("PrivateShow", "Earning", "LedgerEntry", "ModerationAction", "credits")) {
                assertEquals(before.getJsonNumber(kind), after.getJsonNumber(kind), kind + " changed");
            }
            assertTrue(alice.isOpen() && guest.isOpen(), "bad input is answered, not punished");

            alice.send("{\"type\":\"chat\",\"text\":\"" + "x".repeat(17_000) + "\"}");
            assertEquals(1009, alice.closeCode(), "oversize frame");

            for (int i = 0; i < 60 && bob.isOpen(); i++) {
                try {
                    bob.send(message("ping"));
                } catch (RuntimeException closedMeanwhile) {
                    break;
                }
            }
            assertTrue(bob.got("error", Duration.ofSeconds(5)));
            assertEquals("rate_limited", bob.take("error").getString("code"));
            assertEquals(1008, bob.closeCode(), "flooding after being told");
            assertTrue(star.isOpen() && guest.isOpen(), "the room goes on");
        }
    }

    @Test
    void refusedHandshakesGetAnHttpErrorAndNoSession() {
        TestSite site = site("users=2");
        TestSite other = site("users=1");
        try (SocketClient star = site.enter(site.performer(), site.performer())) {
            long socketsBefore = site.counts().getInt("sockets");
            String path = site.roomPath(site.performer());
            TestSite.Member alice = site.user(0);
            assertRefused(
                    403, () -> SocketClient.open(http.uri("/"), path, alice.token(), "https://evil.example", "x"));
            assertRefused(403, () -> SocketClient.open(http.uri("/"), path, alice.token(), null, "x"));
            assertRefused(401, () -> SocketClient.open(http.uri("/"), path, null, site.origin(), "x"));
            String expired = TestTokens.signed(
                    site.webmasterId(),
                    alice.userId(),
                    "USER",
                    alice.name(),
                    Instant.now().minusSeconds(5));
            assertRefused(401, () -> SocketClient.open(http.uri("/"), path, expired, site.origin(), "x"));
            String valid = TestTokens.signed(
                    site.webmasterId(),
                    alice.userId(),
                    "USER",
                    alice.name(),
                    Instant.now().plusSeconds(300));
            SocketClient.open(http.uri("/"), path, valid, site.origin(), "forged-with-the-real-key")
                    .close();
            int at = valid.indexOf('.') + 5;
            String tampered = valid.substring(0, at) + (valid.charAt(at) == 'A' ? 'B' : 'A') + valid.substring(at + 1);
            assertRefused(401, () -> SocketClient.open(http.uri("/"), path, tampered, site.origin(), "x"));
            assertRefused(
                    401,
                    () -> SocketClient.open(http.uri("/"), path, other.user(0).token(), site.origin(), "x"));
            assertRefused(
                    404,
                    () -> SocketClient.open(
                            http.uri("/"),
                            "/ws/webmasters/" + site.webmasterId() + "/nowhere",
                            alice.token(),
                            site.origin(),
                            "x"));

            List<SocketClient> tabs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                SocketClient tab = site.wall(alice.token());
                // Counted once its snapshot came: the handshake's answer may reach us before the server counts it.
                tab.take("wall");
                tabs.add(tab);
            }
            assertRefused(429, () -> site.wall(alice.token()));
            tabs.forEach(SocketClient::close);
            awaitSockets(site, socketsBefore);
        }
    }

    @Test
    void signalsGoOnlyBetweenThePerformerAndTheAddressedPeerWithShortLivedTurnCredentials() throws Exception {
        TestSite site = site("users=2");
        try (SocketClient star = site.enter(site.performer(), site.performer());
                SocketClient alice = site.room(site.performer(), site.user(0));
                SocketClient bob = site.enter(site.performer(), site.user(1))) {
            JsonObject welcome = alice.take("welcome");
            JsonObject turn = welcome.getJsonArray("iceServers").getValuesAs(JsonObject.class).stream()
                    .filter(server -> server.containsKey("credential"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no TURN server in " + welcome));
            String username = turn.getString("username");
            long expires = Long.parseLong(username.substring(0, username.indexOf(':')));
            long now = Instant.now().getEpochSecond();
            assertTrue(expires > now && expires <= now + 3_600, "short-lived: " + username);
            assertTrue(username.endsWith(
                    ":" + site.webmasterId() + "-" + site.user(0).userId()));
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(TURN_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            assertEquals(
                    Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8))),
                    turn.getString("credential"),
                    "TURN REST API credential");
            assertFalse(welcome.toString().contains(TURN_SECRET));

            star.send(signal(site.user(0).userId(), "offer", "v=0 offer"));
            JsonObject offer = alice.take("signal");
            assertEquals(site.performer().userId(), offer.getJsonNumber("from").longValue());
            assertEquals("v=0 offer", offer.getJsonObject("signal").getString("sdp"));
            alice.send(signal(site.performer().userId(), "answer", "v=0 answer"));
            assertEquals("answer", star.take("signal").getJsonObject("signal").getString("kind"));
            assertFalse(bob.got("signal", QUIET), "only the addressed peer receives a signal");
        }
    }

    @Test
    void theWallFollowsEveryPerformerOfItsSiteLive() {
        TestSite site = site("users=1&credits=1000&rate=60");
        TestSite other = site("users=0");
        try (SocketClient wall = site.wall(null);
                SocketClient otherWall = other.wall(null)) {
            JsonObject snapshot = wall.take("wall");
            assertEquals(
                    "OFFLINE",
                    snapshot.getJsonArray("performers").getJsonObject(0).getString("status"));
            SocketClient star = site.enter(site.performer(), site.performer());
            assertEquals("ONLINE", wall.take("status").getString("status"));
            SocketClient payer = site.enter(site.performer(), site.user(0));
            payer.send(message("private.request"));
            long showId = star.take("private.requested").getJsonNumber("showId").longValue();
            star.send(message("private.accept", "showId", showId));
            assertEquals("BUSY", wall.take("status").getString("status"));
            payer.send(message("show.end", "showId", showId));
            assertEquals("USER_LEFT", star.take("show.ended").getString("reason"));
            assertEquals("ONLINE", wall.take("status").getString("status"));
            star.send(message("offline"));
            assertEquals("OFFLINE", wall.take("status").getString("status"));
            assertEquals(4000, payer.closeCode(), "watchers leave with the performer");
            assertFalse(otherWall.got("status", QUIET), "another site's wall hears nothing");
            wall.send(message("chat", "text", "hi"));
            assertEquals("not_allowed", wall.take("error").getString("code"));
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedAndTheRoomKeepsItsPace() throws Exception {
        TestSite site = site("users=6&credits=10");
        TestSite.Member stalledUser = site.user(5);
        try (SocketClient star = site.enter(site.performer(), site.performer());
                SocketClient healthy = site.enter(site.performer(), site.user(4));
                Socket stalled = stalledSocket(site, stalledUser)) {
            star.take(
                    "watcher.joined",
                    m -> m.getJsonObject("person").getJsonNumber("id").longValue() == stalledUser.userId());
            List<SocketClient> senders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                senders.add(site.enter(site.performer(), site.user(i)));
            }
            String text = "y".repeat(480);
            int sent = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            boolean dropped = false;
            while (!dropped && System.nanoTime() < deadline) {
                for (SocketClient sender : senders) {
                    sender.send(chat(text + sent));
                    sent++;
                }
                Thread.sleep(110);
                dropped = star.got("watcher.left", Duration.ZERO);
            }
            assertTrue(dropped, "the client that stopped reading was dropped after " + sent + " messages");
            assertEquals(
                    stalledUser.userId(),
                    star.take("watcher.left").getJsonNumber("userId").longValue());
            for (int i = 0; i < sent; i++) {
                String expected = text + i;
                healthy.take("chat", m -> m.getString("text").equals(expected), Duration.ofSeconds(5));
            }
            System.out.println("[measure] a stalled client was dropped after " + sent + " broadcasts of ~600 bytes");
            senders.forEach(SocketClient::close);
        }
    }

    @Test
    void aClientThatReadsTooSlowlyIsClosedAsTooSlowAndTheOthersGetEverything() throws Exception {
        TestSite site = site("users=6&credits=10");
        try (SocketClient star = site.enter(site.performer(), site.performer());
                SocketClient healthy = site.enter(site.performer(), site.user(5));
                SocketClient slow = site.slowRoom(site.performer(), site.user(4), Duration.ofMillis(50))) {
            slow.take("welcome");
            List<SocketClient> senders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                senders.add(site.enter(site.performer(), site.user(i)));
            }
            String text = "z".repeat(480);
            int sent = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (slow.isOpen() && System.nanoTime() < deadline) {
                for (SocketClient sender : senders) {
                    sender.send(chat(text + sent));
                    sent++;
                }
                Thread.sleep(110);
            }
            assertEquals(4003, slow.closeCode(), "a client that reads 20 frames a second in a room saying 36");
            for (int i = 0; i < sent; i++) {
                String expected = text + i;
                healthy.take("chat", m -> m.getString("text").equals(expected), Duration.ofSeconds(5));
            }
            System.out.println("[measure] a client reading 20 frames/s was closed 4003 after " + sent + " broadcasts");
            senders.forEach(SocketClient::close);
        }
    }

    /** A socket that completes the handshake with a tiny receive window and then never reads. */
    private Socket stalledSocket(TestSite site, TestSite.Member who) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(2_048);
        socket.connect(new InetSocketAddress("127.0.0.1", http.uri("/").getPort()));
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + site.roomPath(site.performer()) + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                        + "Sec-WebSocket-Protocol: ppvchat.1, bearer." + who.token() + "\r\n"
                        + "Origin: " + site.origin() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] status = new byte[12];
        int read = in.readNBytes(status, 0, status.length);
        assertEquals("HTTP/1.1 101", new String(status, 0, read, StandardCharsets.US_ASCII));
        return socket;
    }

    private void awaitSockets(TestSite site, long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long now;
        do {
            now = site.counts().getInt("sockets");
            Readiness.sleep(Duration.ofMillis(100));
        } while (now != expected && System.nanoTime() < deadline);
        assertEquals(expected, now, "sockets left open after refusals and closes");
    }

    private static String[] photoHeaders(TestSite.Member who, String contentType) {
        return new String[] {"Content-Type", contentType, "Authorization", "Bearer " + who.token()};
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width / 2, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] noisyPng(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void assertRefusal(int status, String error, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), answer.body());
        JsonObject body = TestSite.json(answer.body());
        assertEquals(status, body.getInt("status"));
        assertEquals(error, body.getString("error"));
    }

    private static void assertBooksBalance(TestSite site) {
        JsonObject report = site.reconciliation();
        assertTrue(report.getJsonArray("problems").isEmpty(), report.toString());
    }

    private static void assertRefused(int status, Runnable handshake) {
        SocketClient.Refused refused = assertThrows(SocketClient.Refused.class, handshake::run);
        assertEquals(status, refused.status, refused.getMessage());
        assertNotEquals(101, refused.status);
    }

    static JsonObject message(String type) {
        return Json.createObjectBuilder().add("type", type).build();
    }

    static JsonObject message(String type, String field, long value) {
        return Json.createObjectBuilder().add("type", type).add(field, value).build();
    }

    static JsonObject message(String type, String field, String value) {
        return Json.createObjectBuilder().add("type", type).add(field, value).build();
    }

    static JsonObject chat(String text) {
        return message("chat", "text", text);
    }

    static JsonObject signal(long to, String kind, String sdp) {
        return Json.createObjectBuilder()
                .add("type", "signal")
                .add("to", to)
                .add("signal", Json.createObjectBuilder().add("kind", kind).add("sdp", sdp))
                .build();
    }
}
