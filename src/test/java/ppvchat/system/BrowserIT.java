package ppvchat.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import ppvchat.paypaldouble.PaypalDouble;
import ppvchat.tenancy.entity.CreditRounding;

/**
 * The browser client end to end, as people use it: the demo site's two host pages (nothing but the embed
 * script tags) on the quick start's configuration, in real headless Chromium with a fake camera. A performer
 * goes live; two users watch decoded H.264 video, chat, tip; a moderator sees what users type; a photo goes
 * round; a private show runs until the user's credits are gone. One server and one browser per person for
 * the whole suite, so the tests run in order. Screenshots at desktop and phone size are kept under
 * {@code target/system-tests/browser-evidence/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(180);
    private static final String PASSWORD = "demo-chat";
    private static final int JOINS = 10;

    private PayaraMicroProcess server;
    private PaypalDouble paypal;
    private Path evidence;
    private final Map<String, Browser> browsers = new LinkedHashMap<>();
    private long luna;
    private String nonce;

    @BeforeAll
    void startTheQuickStart() {
        Path work = SystemTestSettings.freshWorkDir("browser");
        evidence = SystemTestSettings.freshWorkDir("browser-evidence");
        String database = work.resolve("h2").resolve("ppv").toString();
        paypal = PaypalDouble.start(
                new PaypalDouble.Settings(0, "browser-client", "browser-secret", "WH-BROWSER", null));
        server = PayaraMicroProcess.start(
                SystemTestSettings.existingFile("ppv.micro.jar"),
                SystemTestSettings.existingFile("ppv.micro.war"),
                work.resolve("run"),
                port -> Map.ofEntries(
                        Map.entry("ppv.demo.enabled", "true"),
                        Map.entry("ppv.demo.origins", "http://127.0.0.1:" + port),
                        Map.entry("ppv.loadtest.enabled", "true"),
                        // API secrets are sealed with it (the console creates one for the host site's test).
                        Map.entry("ppv.secrets.key", "YnJvd3Nlci1zeXN0ZW0tdGVzdC1zZWNyZXRzLWtleSE="),
                        // Short-lived tokens, so that the client's refresh runs during the suite: an
                        // upload, a reload or a reconnect after the first minute needs a refreshed one.
                        Map.entry("ppv.tokens.ttl-seconds", "60"),
                        Map.entry("ppv.paypal.base-url", paypal.baseUrl()),
                        Map.entry("ppv.paypal.client-id", "browser-client"),
                        Map.entry("ppv.paypal.client-secret", "browser-secret"),
                        Map.entry("ppv.paypal.webhook-id", "WH-BROWSER"),
                        Map.entry("ppv.datasource.class", "org.h2.jdbcx.JdbcDataSource"),
                        Map.entry(
                                "ppv.datasource.url",
                                "jdbc:h2:file:" + database + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE")));
        try {
            server.awaitReady(BOOT_TIMEOUT);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        paypal.deliverTo(server.site().uri("/api/paypal/webhooks"));
        luna = performerNamed("Luna Starwise");
        nonce = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterAll
    void stop() throws IOException {
        for (Browser browser : browsers.values()) {
            Files.writeString(evidence.resolve("console-" + browser.name() + ".log"), browser.console());
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        if (paypal != null) {
            paypal.close();
        }
    }

    @Test
    @Order(1)
    void theWallTurnsGreenWithoutReloadWhenThePerformerGoesLive() {
        Browser alice = userPage("alice");
        signIn(alice, "alice");
        assertEquals("1000", alice.attribute(".ppv-balance", "data-credits"), "alice's demo credits");
        assertEquals(4, alice.all(".ppv-card").size(), "the demo's four performers");
        assertEquals("OFFLINE", alice.attribute(card(luna), "data-status"));

        Browser performer = performerPage("luna");
        signIn(performer, "luna");
        performer.until(
                "a camera to choose", b -> !b.all("select[name=camera] option").isEmpty());
        performer.click("[data-action=go-live]");

        alice.until("Luna online on the wall", b -> "ONLINE".equals(b.attribute(card(luna), "data-status")));
        assertEquals(
                "OFFLINE",
                alice.attribute(".ppv-card:not([data-performer-id=\"" + luna + "\"])", "data-status"),
                "the others stay offline");
    }

    @Test
    @Order(2)
    void twoWatchersReceiveDecodedH264Video() {
        Browser bob = userPage("bob");
        signIn(bob, "bob");
        enterLunasRoom(bob);
        enterLunasRoom(browsers.get("alice"));

        for (Browser watcher : List.of(browsers.get("alice"), bob)) {
            assertEquals("WATCHER", watcher.attribute(".ppv-room", "data-part"));
            long first = watcher.until("frames decoded", b -> decoded(b) > 0 ? decoded(b) : null);
            watcher.until("frames still being decoded", b -> decoded(b) > first + 15);
            JsonObject peer = watcher.diagnostics().getJsonArray("peers").getJsonObject(0);
            assertEquals("video/h264", peer.getString("codec", "").toLowerCase(), watcher.name() + ": " + peer);
            Number width = (Number) watcher.script(
                    "return arguments[0].shadowRoot.querySelector('video.ppv-stage').videoWidth;", host(watcher));
            assertTrue(width.intValue() > 0, watcher.name() + " shows the video");
        }
        JsonArray sent = browsers.get("luna").diagnostics().getJsonArray("peers");
        assertEquals(2, sent.size(), "one connection per watcher: " + sent);
        sent.forEach(peer -> assertTrue(peer.asJsonObject().getInt("framesEncoded", 0) > 0, peer.toString()));
    }

    @Test
    @Order(3)
    void aLineTypedInOnePageAppearsInTheOthersAsText() {
        Browser alice = browsers.get("alice");
        String line = "Hello Luna <b>not bold</b> " + nonce;
        alice.type("form.ppv-chat-form [name=chat]", line);
        alice.find("form.ppv-chat-form [name=chat]").sendKeys(Keys.ENTER);

        for (String reader : List.of("bob", "luna", "alice")) {
            Browser page = browsers.get(reader);
            page.until("the line in " + reader + "'s chat", b -> hasLine(b, line));
            assertTrue(page.all(".ppv-chat-line b").isEmpty(), "user text is never HTML");
        }
        assertEquals(
                "rgba(138, 43, 226, 1)",
                browsers.get("bob").find(".ppv-chat-line .ppv-from").getCssValue("color"),
                "the site's chat CSS is applied");
        assertEquals("", alice.find("form.ppv-chat-form [name=chat]").getAttribute("value"), "input emptied");
        assertEquals(true, chatInputFocused(alice), "at a desk the input keeps the focus for the next line");

        alice.phone(true);
        try {
            String fromPhone = "sent from a phone " + nonce;
            alice.type("form.ppv-chat-form [name=chat]", fromPhone);
            alice.find("form.ppv-chat-form [name=chat]").sendKeys(Keys.ENTER);
            browsers.get("bob").until("the phone's line", b -> hasLine(b, fromPhone));
            assertEquals(
                    false,
                    chatInputFocused(alice),
                    "on a phone the input lets go after sending, so the keyboard hides");
        } finally {
            alice.phone(false);
        }
    }

    @Test
    @Order(4)
    void aTipReachesThePerformerAndCountsInTodaysEarnings() {
        Browser alice = browsers.get("alice");
        Browser performer = browsers.get("luna");
        String earningsBefore = performer.find(".ppv-earnings").getText();
        alice.click("[data-action=tip][data-credits=\"10\"]");

        alice.until("alice's balance after the tip", b -> "990".equals(b.attribute(".ppv-balance", "data-credits")));
        WebElement tip =
                performer.until("the tip in luna's feed", b -> b.all(".ppv-tips li[data-credits=\"10\"]").stream()
                        .filter(li -> li.findElement(By.cssSelector(".ppv-name"))
                                .getText()
                                .equals("alice"))
                        .findFirst()
                        .orElse(null));
        assertTrue(tip.isDisplayed());
        performer.until(
                "today's earnings updated",
                b -> !earningsBefore.equals(b.find(".ppv-earnings").getText()));
    }

    @Test
    @Order(5)
    void aModeratorSeesWhatUsersTypeAndUsersNever() {
        Browser mia = userPage("mia");
        signIn(mia, "mia");
        enterLunasRoom(mia);
        assertEquals("STAFF", mia.attribute(".ppv-room", "data-part"));

        Browser alice = browsers.get("alice");
        String draft = "still typing " + nonce;
        alice.type("form.ppv-chat-form [name=chat]", draft);

        mia.until("alice's typing bubble", b -> typingOf(b, "alice").contains(draft));
        Browser bob = browsers.get("bob");
        assertTrue(bob.all(".ppv-typing").isEmpty(), "a user has no typing bubbles");
        assertFalse(bob.text().contains(draft), "nor sees the draft anywhere");

        alice.find("form.ppv-chat-form [name=chat]").clear();
        alice.find("form.ppv-chat-form [name=chat]").sendKeys(" ", Keys.BACK_SPACE);
        mia.until("the bubble gone", b -> typingOf(b, "alice").isBlank());
    }

    @Test
    @Order(6)
    void aPhotoGoesToTheRoomANonImageIsRefusedAndAModeratorRemovesIt() throws IOException {
        Browser alice = browsers.get("alice");
        Browser bob = browsers.get("bob");
        int before = bob.all("img.ppv-photo").size();
        alice.find("input[type=file][name=photo]").sendKeys(picture().toString());

        WebElement photo = bob.until("the photo in bob's chat", b -> {
            List<WebElement> photos = b.all("img.ppv-photo");
            return photos.size() > before ? photos.get(photos.size() - 1) : null;
        });
        bob.until(
                "the photo loaded",
                b -> ((Number) b.script("return arguments[0].naturalWidth;", photo)).intValue() > 0);

        Path fake = evidence.resolve("tmp").resolve("scribble.png");
        Files.writeString(fake, "this is text pretending to be a picture");
        alice.find("input[type=file][name=photo]").sendKeys(fake.toString());
        WebElement toast = alice.visible(".ppv-toast[data-kind=error]");
        assertTrue(toast.getText().contains("not a picture we can read"), "the server's reason: " + toast.getText());

        Browser mia = browsers.get("mia");
        WebElement line = mia.until("the photo in mia's chat", b -> lastLineWithPhoto(b));
        String id = line.getAttribute("data-id");
        mia.click(".ppv-chat-line[data-id=\"" + id + "\"] [data-action=remove-line]");
        bob.until("the photo removed from bob's chat", b -> b.all(".ppv-chat-line[data-id=\"" + id + "\"]")
                .isEmpty());
    }

    @Test
    @Order(7)
    void everyPageFitsAPhoneAndScreenshotsAreKept() {
        shoot(browsers.get("alice"), "room-watcher");
        shoot(browsers.get("mia"), "room-staff");
        shoot(browsers.get("luna"), "performer-live");
        Browser mia = browsers.get("mia");
        mia.click("[data-action=back]");
        mia.until("the wall", b -> "wall".equals(b.attribute(".ppv", "data-view")));
        shoot(mia, "wall-signed-in");
        mia.click("[data-action=signout]");
        shoot(mia, "wall-visitor");
        mia.click("[data-action=show-signin]");
        mia.visible("form.ppv-signin");
        shoot(mia, "signin");
    }

    @Test
    @Order(8)
    void stylesStayOnTheirSideOfTheShadowRootAndTheSitesOwnCssWins() {
        try (Browser visitor = Browser.open("visitor", evidence)) {
            visitor.go(server.site().uri("/demo/user.html"));
            visitor.until("the wall", b -> !b.all(".ppv-card").isEmpty());
            // A host page with heavy-handed CSS of its own, and an element that happens to share a class name.
            visitor.script("const style = document.createElement('style');"
                    + "style.textContent = '* { color: rgb(255, 0, 0) !important; font-family: serif !important; }"
                    + " .ppv-card { display: none !important; }';"
                    + "document.head.append(style);"
                    + "const twin = document.createElement('p'); twin.className = 'ppv-card'; twin.id = 'twin';"
                    + "twin.style.setProperty('display', 'block', 'important'); twin.textContent = 'host';"
                    + "document.body.append(twin);");
            WebElement card = visitor.find(card(luna));
            assertTrue(card.isDisplayed(), "the host's .ppv-card rule does not reach into the chat");
            String hostColour =
                    (String) visitor.script("return getComputedStyle(document.getElementById('twin')).color;");
            assertEquals("rgb(255, 0, 0)", hostColour, "the host's colour rule applies on the host's own page");
            String chatColour = (String) visitor.script("return getComputedStyle(arguments[0]).color;", card);
            assertFalse(hostColour.equals(chatColour), "but not inside the chat: " + chatColour);
            String twinBorder =
                    (String) visitor.script("return getComputedStyle(document.getElementById('twin')).borderTopWidth;");
            assertEquals("0px", twinBorder, "the chat's .ppv-card style does not reach out to the host page");
            assertEquals("3px", card.getCssValue("border-top-width"), "the site's wall CSS wins over the chat's own");
        }
    }

    @Test
    @Order(9)
    void aVisitorWhoseBrowserPrefersGermanGetsTheChatInGerman() {
        try (Browser gast = Browser.open("gast", evidence, "de-DE")) {
            gast.go(server.site().uri("/demo/user.html"));
            gast.until("the wall", b -> "wall".equals(b.attribute(".ppv", "data-view")));
            assertEquals("de", gast.attribute(".ppv", "lang"), "the site speaks English; the browser asks for German");
            assertEquals("Anmelden", gast.visible("[data-action=show-signin]").getText());
            assertTrue(gast.text().contains("60 Credits pro Minute"), "Luna's price, from the German table");
            shoot(gast, "wall-visitor-de");
        }
    }

    @Test
    @Order(10)
    void aPrivateShowEjectsTheOthersBillsEverySecondAndEndsWhenTheCreditsRunOut() {
        Browser dan = browsers.get("mia");
        String username = "dan-" + nonce;
        dan.click("[data-action=back]");
        openSignIn(dan);
        dan.type("form.ppv-signin input[name=username]", username);
        dan.type("form.ppv-signin input[name=password]", "a-long-password");
        dan.click("[data-action=register]");
        dan.until("dan signed in", b -> "0".equals(b.attribute(".ppv-balance", "data-credits")));
        grant(username, 60);
        dan.until("the granted credits pushed to the page", b -> "60"
                .equals(b.attribute(".ppv-balance", "data-credits")));

        enterLunasRoom(dan);
        dan.click("[data-action=request-private]");
        WebElement confirm = dan.visible("[data-action=confirm]");
        assertEquals(
                "60 credits per minute",
                dan.visible(".ppv-dialog .ppv-price-big").getText(),
                "the price is shown before confirming");
        confirm.click();

        Browser performer = browsers.get("luna");
        WebElement request = performer.until("dan's request", b -> b.all(".ppv-requests li[data-show-id]").stream()
                .filter(li -> li.getText().contains(username))
                .findFirst()
                .orElse(null));
        request.findElement(By.cssSelector("[data-action=accept]")).click();

        for (String other : List.of("alice", "bob")) {
            WebElement notice = browsers.get(other).visible(".ppv-notice[data-reason=ejected]");
            assertTrue(notice.getText().toLowerCase().contains("private"), other + " is told why: " + notice.getText());
        }
        dan.visible(".ppv-show-meter");
        int first = dan.until("billing to begin", b -> {
            int shown = Integer.parseInt(b.attribute(".ppv-show-balance", "data-credits"));
            return shown < 60 ? shown : null;
        });
        List<Integer> readings = new ArrayList<>(List.of(first));
        for (int i = 0; i < 4; i++) {
            int last = readings.get(readings.size() - 1);
            readings.add(dan.until("the balance to go down again", Duration.ofSeconds(5), b -> {
                int shown = Integer.parseInt(b.attribute(".ppv-show-balance", "data-credits"));
                return shown < last ? shown : null;
            }));
        }
        assertTrue(readings.get(4) <= first - 4, "one credit a second at Luna's 60 a minute: " + readings);
        // 60 credits at 60 a minute: the first warning (60 seconds left) comes with the show, and offers a top-up.
        dan.visible(".ppv-low-balance");
        dan.click(".ppv-low-balance [data-action=top-up]");
        int packages = dan.until("the site's packages", b -> {
            int shown = b.all(".ppv-dialog .ppv-package").size();
            return shown > 0 ? shown : null;
        });
        assertEquals(3, packages, "the demo site's three packages");
        assertEquals(
                "$10.00",
                dan.find(".ppv-dialog .ppv-package .ppv-package-price").getText(),
                "cheapest first");
        dan.click(".ppv-dialog [data-action=cancel]");
        shoot(dan, "private-show-user");
        shoot(performer, "private-show-performer");

        int secondsBefore = Integer.parseInt(dan.attribute(".ppv-show-seconds", "data-seconds"));
        dan.reload();
        dan.until("dan back in the room after a reload", b -> "room".equals(b.attribute(".ppv", "data-view")));
        dan.visible(".ppv-show-meter");
        dan.until(
                "the meter going on from where the show stands",
                Duration.ofSeconds(3),
                b -> Integer.parseInt(b.attribute(".ppv-show-seconds", "data-seconds")) >= secondsBefore);
        dan.until("the show's video again", b -> decoded(b) > 15);
        assertTrue(performer.all(".ppv-notice[data-reason=DISCONNECTED]").isEmpty(), "the show went on");

        Duration untilEmpty = Duration.ofSeconds(60 + 30);
        dan.until(
                "dan told the credits ran out", untilEmpty, b -> b.shows(".ppv-notice[data-reason=CREDITS_EXHAUSTED]"));
        performer.until("luna told the credits ran out", b -> b.shows(".ppv-notice[data-reason=CREDITS_EXHAUSTED]"));
        dan.until("dan's balance at zero", b -> "0".equals(b.attribute(".ppv-balance", "data-credits")));
        assertEquals("60", dan.attribute(".ppv-show-spent", "data-credits"), "the server's charge: all 60 credits");
        assertEquals("60", performer.attribute(".ppv-show-spent", "data-credits"), "the performer sees the same");
        shoot(dan, "private-show-ended");
    }

    @Test
    @Order(11)
    void joinToFirstFrameIsMeasuredOverTenJoins() throws IOException {
        Browser bob = browsers.get("bob");
        if (bob.shows("[data-action=back]")) {
            bob.click("[data-action=back]");
        }
        int before = bob.measures("ppv:join-to-first-frame").size();
        for (int join = 1; join <= JOINS; join++) {
            bob.until("the wall", b -> "wall".equals(b.attribute(".ppv", "data-view")));
            enterLunasRoom(bob);
            int expected = before + join;
            bob.until(
                    "the first frame of join " + join,
                    b -> b.measures("ppv:join-to-first-frame").size() >= expected);
            bob.click("[data-action=back]");
        }
        List<Double> joins = bob.measures("ppv:join-to-first-frame");
        List<Double> last = new ArrayList<>(joins.subList(joins.size() - JOINS, joins.size()));
        last.sort(Double::compare);
        double median = (last.get(JOINS / 2 - 1) + last.get(JOINS / 2)) / 2;
        String report = String.format(
                "join-to-first-frame median-ms=%.0f min-ms=%.0f max-ms=%.0f joins=%d all-ms=%s",
                median, last.get(0), last.get(JOINS - 1), JOINS, last);
        System.out.println("[measure] browser " + report);
        Files.writeString(evidence.resolve("join-to-first-frame.txt"), report + "\n");
    }

    @Test
    @Order(12)
    void aPerformerWhoReloadsThePageComesBackWithinTheGraceAndTheVideoResumes() {
        Browser bob = browsers.get("bob");
        enterLunasRoom(bob);
        int before = bob.until("video before the reload", b -> decoded(b) > 30 ? decoded(b) : null);

        Browser performer = browsers.get("luna");
        performer.reload();
        performer.click("[data-action=go-live]");

        bob.until("a new connection after the reload", b -> decoded(b) < before);
        bob.until("video again", b -> decoded(b) > 15);
        assertEquals("room", bob.attribute(".ppv", "data-view"), "bob never left the room");
        assertTrue(bob.all(".ppv-notice").stream().noneMatch(WebElement::isDisplayed), "nor was told anything");
    }

    /** The meter a user watches runs the server's arithmetic, for every rounding rule a site can choose. */
    @Test
    @Order(13)
    void theMeterInTheBrowserChargesWhatTheServerWill() {
        Browser bob = browsers.get("bob");
        List<String> cases = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        for (CreditRounding rounding : CreditRounding.values()) {
            for (int rate : List.of(1, 7, 29, 30, 45, 60, 119, 300)) {
                for (int seconds = 0; seconds <= 130; seconds++) {
                    cases.add("[" + seconds + "," + rate + ",\"" + rounding.name() + "\"]");
                    expected.add(rounding.creditsFor(seconds, rate));
                }
            }
        }
        Object answer = bob.asyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import(arguments[0]).then(m => done(JSON.stringify(JSON.parse(arguments[1])"
                        + ".map(([s, r, mode]) => m.creditsFor(s, r, mode)))), e => done(String(e)));",
                server.site().uri("/client/meter.js").toString(),
                "[" + String.join(",", cases) + "]");
        try (var reader = Json.createReader(new StringReader(String.valueOf(answer)))) {
            List<Long> computed = reader.readArray().getValuesAs(JsonNumber.class).stream()
                    .map(JsonNumber::longValue)
                    .toList();
            assertEquals(expected, computed, "the browser's meter and CreditRounding");
        }
    }

    @Test
    @Order(14)
    void aModeratorKicksAUserWhoIsToldWhyAndMayComeBack() {
        try (Browser moderator = Browser.open("moderator", evidence)) {
            moderator.go(server.site().uri("/demo/user.html"));
            signIn(moderator, "mia");
            enterLunasRoom(moderator);
            Browser bob = browsers.get("bob");
            WebElement listed = moderator.until("bob in the people list", b -> personNamed(b, "bob"));
            listed.findElement(By.cssSelector("[data-action=kick]")).click();
            moderator.type(".ppv-dialog input[name=reason]", "spam " + nonce);
            moderator.click(".ppv-dialog [data-action=confirm]");

            WebElement notice = bob.visible(".ppv-notice[data-reason=kicked]");
            assertTrue(notice.getText().contains("spam " + nonce), "bob is told why: " + notice.getText());
            moderator.until("bob gone from the list", b -> personNamed(b, "bob") == null);

            bob.click(".ppv-notice [data-action=rejoin]");
            bob.until("bob back in the room", b -> "WATCHER".equals(b.attribute(".ppv-room", "data-part")));
            moderator.until("bob listed again", b -> personNamed(b, "bob"));
        }
    }

    @Test
    @Order(15)
    void aUserBuysCreditsInPaypalsWindowAndTheRoomShowsThemAtOnce() {
        try (Browser carol = Browser.open("carol", evidence)) {
            carol.go(server.site().uri("/demo/user.html"));
            signIn(carol, "carol");
            enterLunasRoom(carol);
            carol.until("carol's balance at zero", b -> "0".equals(b.attribute(".ppv-balance", "data-credits")));
            carol.click("[data-action=buy-credits]");
            carol.click(".ppv-dialog .ppv-package-buy");
            carol.until("waiting for PayPal", b -> "CREATED".equals(b.attribute(".ppv-payment", "data-status")));
            shoot(carol, "paypal-waiting");

            carol.clickInPopup("#pay", "paypal-double-checkout");

            carol.until("500 credits in the header", b -> "500".equals(b.attribute(".ppv-balance", "data-credits")));
            WebElement done = carol.visible(".ppv-toast[data-payment=COMPLETED]");
            assertTrue(done.getText().contains("500"), "the user is told: " + done.getText());
            carol.until("the return page closed itself", Browser::popupsClosed);
            shoot(carol, "paypal-completed");
        }
        String ledger =
                server.site().get("/api/loadtest/webmasters/1/reconciliation").body();
        assertTrue(ledger.contains("\"problems\":[]"), "the books balance after the purchase: " + ledger);

        HttpSession console = server.site().anotherVisitor();
        assertEquals(
                302,
                ProductChecks.signIn(console, ProductChecks.DEMO_ADMIN, ProductChecks.DEMO_ADMIN_PASSWORD)
                        .statusCode());
        String payments = console.get("/admin/payments.xhtml").body();
        assertTrue(
                payments.contains(">carol<") && payments.contains(">COMPLETED<") && payments.contains(">500<"),
                "the webmaster sees carol's capture in the console: " + payments);
    }

    @Test
    @Order(16)
    void anAdminCreatesAPerformerWithAPhotoWhoAppearsOnTheWall() throws IOException {
        Browser admin = console("admin");
        admin.go(server.site().uri("/admin/performers.xhtml"));
        String name = "Nova " + nonce;
        admin.fill("[id='details:username']", "nova" + nonce);
        admin.fill("[id='details:password']", "performer-" + nonce);
        admin.fill("[id='details:displayName']", name);
        admin.fill("[id='details:headline']", "Dream readings");
        admin.fill("[id='details:price']", "45");
        admin.press("[id='details:save']");
        assertTrue(admin.pageText().contains("Performer created"), admin.pageText());

        admin.allOnPage("[id='upload'] input[type=file]")
                .get(0)
                .sendKeys(picture().toString());
        admin.press("[id='upload:send']");
        assertTrue(admin.pageText().contains("Photo added"), admin.pageText());
        admin.screenshot("console-performers");

        Browser visitor = userPage("wall-visitor");
        signIn(visitor, "bob");
        WebElement card = visitor.until("Nova on the wall", b -> b.all(".ppv-card").stream()
                .filter(c -> c.getText().contains(name))
                .findFirst()
                .orElse(null));
        String photo = card.findElement(By.cssSelector(".ppv-avatar-img")).getAttribute("src");
        assertTrue(photo.contains("/api/webmasters/1/photos/"), "the wall shows the uploaded photo: " + photo);
        assertTrue(card.getText().contains("45"), "and the price: " + card.getText());
    }

    @Test
    @Order(17)
    void anAdminAdjustsAUsersCreditsAndSeesTheLedgerEntry() {
        Browser admin = console("admin");
        admin.go(server.site().uri("/admin/users.xhtml?q=bob"));
        admin.press("[id='results'] a[href*='user=']");
        long before = Long.parseLong(admin.onPage("#user-credits").getText());
        String reason = "Goodwill " + nonce;
        admin.fill("[id='adjust:credits']", "25");
        admin.fill("[id='adjust:reason']", reason);
        admin.press("[id='adjust:save']");

        assertEquals(before + 25, Long.parseLong(admin.onPage("#user-credits").getText()), "the new balance");
        WebElement newest = admin.onPage("[id$='ledger_data'] tr");
        assertTrue(newest.getText().contains("ADJUSTMENT") && newest.getText().contains(reason), newest.getText());
        assertTrue(newest.getText().contains(String.valueOf(before + 25)), "the balance after it: " + newest.getText());
        admin.screenshot("console-users");
    }

    @Test
    @Order(18)
    void anAccountantExportsTheReportAsCsvWithThePagesTotals() throws IOException {
        Browser accountant = console("accountant");
        Path downloads = Files.createDirectories(evidence.resolve("downloads"));
        accountant.downloadTo(downloads);
        accountant.go(server.site().uri("/admin/reports.xhtml"));
        long credits = Long.parseLong(accountant.onPage("#total-credits").getText());
        String gross = accountant.onPage("#total-gross").getText();
        assertTrue(credits > 0, "the suite's tips and shows are in this month's report");
        accountant.screenshot("console-reports");

        accountant.onPage("[id='earnings:csv']").click();
        Path csv = accountant.until("the CSV downloaded", b -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(".csv"))
                        .findFirst()
                        .orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(Files.readString(csv)))
                .getRecords();
        org.apache.commons.csv.CSVRecord total = rows.get(rows.size() - 1);
        assertEquals("Total", total.get("Performer"));
        assertEquals(credits, Long.parseLong(total.get("Tip credits")) + Long.parseLong(total.get("Show credits")));
        assertEquals(gross, total.get("Gross"));
        long rowCredits = rows.subList(0, rows.size() - 1).stream()
                .mapToLong(r -> Long.parseLong(r.get("Tip credits")) + Long.parseLong(r.get("Show credits")))
                .sum();
        assertEquals(credits, rowCredits, "the rows add up to the total");
    }

    @Test
    @Order(19)
    void everyConsolePageIsPhotographedForTheGuides() {
        Browser admin = console("admin");
        for (String page :
                List.of("index", "live", "moderation", "payments", "packages", "support", "settings", "roles")) {
            admin.go(server.site().uri("/admin/" + page + ".xhtml"));
            admin.onPage("h1");
            assertFalse(admin.pageText().contains("Error"), page + ": " + admin.pageText());
            admin.screenshot("console-" + ("index".equals(page) ? "dashboard" : page));
        }
        admin.go(server.site().uri("/admin/settings.xhtml"));
        WebElement wallCss = admin.onPage("[id='settings:wallCss']");
        wallCss.clear();
        wallCss.sendKeys(".ppv-card { outline: 4px solid rgb(255, 0, 0); }");
        admin.until("the preview to show the CSS being typed", b -> "rgb(255, 0, 0)"
                .equals(b.script("const frame = document.getElementById('css-preview');"
                        + "const host = frame.contentDocument.querySelector('.ppv-embed');"
                        + "const card = host && host.shadowRoot && host.shadowRoot.querySelector('.ppv-card');"
                        + "return card ? frame.contentWindow.getComputedStyle(card).outlineColor : null;")));
        assertFalse(
                server.site().get("/embed/1/user.js").body().contains("rgb(255, 0, 0)"),
                "visitors get nothing until it is saved");

        Browser platform = console("platform");
        platform.go(server.site().uri("/admin/webmasters.xhtml"));
        assertTrue(platform.pageText().contains("Starlight Advice"), platform.pageText());
        platform.screenshot("console-webmasters");
    }

    @Test
    @Order(20)
    void anAccountantRunsTheDemosPastWeeksWatchesItFinishAndItsCsvMatchesTheReport() throws IOException {
        // The demo's three past weeks of tips and shows; the suite's own are today's, in no period that is over.
        LocalDate first = ConsolePayoutsChecks.lastWeeksMonday().minusWeeks(2);
        LocalDate last = ConsolePayoutsChecks.lastWeeksMonday().plusDays(6);

        Browser accountant = console("accountant");
        Path downloads = Files.createDirectories(evidence.resolve("downloads-payouts"));
        accountant.downloadTo(downloads);
        accountant.go(server.site().uri("/admin/payouts.xhtml"));
        assertEquals(
                last.minusDays(6).toString(),
                accountant.onPage("[id='start:first_input']").getAttribute("value"),
                "the form offers last week");
        assertTrue(accountant.pageText().contains("No payout runs yet."), accountant.pageText());
        typeDate(accountant, "[id='start:first_input']", first);
        assertEquals(
                last.toString(), accountant.onPage("[id='start:last_input']").getAttribute("value"));
        accountant.onPage("[id='start:run']").click();
        accountant.onPage(".ui-confirmdialog-yes").click();
        accountant.until("the run's page", b -> b.allOnPage("#run-status").isEmpty() ? null : true);
        accountant.script("window.sameRunPage = true;");
        String seen = accountant.onPage("#run-status").getText();
        System.out.println("[measure] payout run first seen " + seen + " (the page's poll follows it from there)");

        accountant.until("the run to complete", Duration.ofSeconds(90), b -> "COMPLETED"
                .equals(b.onPage("#run-status").getText()));
        // The page asks once more after it shows the end (the list of runs says so a tick later), then stops.
        accountant.until(
                "the page to stop asking",
                b -> Boolean.FALSE.equals(b.script("return PF('payoutPoll').active === true;")));
        assertEquals(true, accountant.script("return window.sameRunPage === true;"), "followed without a reload");
        assertEquals("COMPLETED", accountant.onPage("#run-status").getText());
        assertEquals("100%", accountant.onPage("#run-percent").getText());
        String performers = accountant.onPage("#run-performers").getText();
        assertTrue(performers.matches("(\\d+) of \\1 performers"), performers);
        long statements = Long.parseLong(accountant.onPage("#run-statements").getText());
        assertEquals(ProductChecks.DEMO_PERFORMERS.size(), statements, "a statement per demo performer");
        long earnings = Long.parseLong(accountant.onPage("#run-earnings").getText());
        assertTrue(
                accountant.onPage("[id='all:list_data']").getText().contains("Luna Starwise"),
                "the list of all statements follows the run too");

        accountant.onPage("[id='run-actions:csv']").click();
        Path file = accountant.until("the payouts CSV downloaded", b -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().matches("payouts-.*\\.csv"))
                        .findFirst()
                        .orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        assertEquals(
                "payouts-" + first + "-to-" + last + ".csv", file.getFileName().toString());
        List<org.apache.commons.csv.CSVRecord> csv = org.apache.commons.csv.CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(Files.readString(file)))
                .getRecords();
        assertEquals(statements + 1, csv.size(), "a row per statement and the totals row");
        org.apache.commons.csv.CSVRecord total = csv.get(csv.size() - 1);
        assertEquals("Total", total.get("Statement"));

        accountant.go(server.site().uri("/admin/reports.xhtml"));
        typeDate(accountant, "[id='earnings:first_input']", first);
        typeDate(accountant, "[id='earnings:last_input']", last);
        accountant.press("[id='earnings:show']");
        assertEquals(
                earnings,
                Long.parseLong(accountant.onPage("#total-tips").getText())
                        + Long.parseLong(accountant.onPage("#total-shows").getText()),
                "the run paid every tip and show of those days, once");
        assertEquals(total.get("Tips"), accountant.onPage("#total-tips").getText(), "tips");
        assertEquals(total.get("Shows"), accountant.onPage("#total-shows").getText(), "shows");
        assertEquals(
                Long.parseLong(accountant.onPage("#total-credits").getText()),
                Long.parseLong(total.get("Tip credits")) + Long.parseLong(total.get("Show credits")),
                "credits");
        assertEquals(total.get("Gross"), accountant.onPage("#total-gross").getText(), "gross");
        assertEquals(
                total.get("Performer benefit"),
                accountant.onPage("#total-benefit").getText(),
                "performers' part");
        assertEquals(total.get("Site share"), accountant.onPage("#total-site").getText(), "site's part");

        accountant.go(server.site().uri("/admin/payouts.xhtml"));
        accountant.onPage("[id='statements:list_data'] tr button").click();
        assertTrue(accountant.onPage(".ui-confirm-dialog").getText().contains("approved for payment"));
        accountant.press(".ui-confirmdialog-yes");
        assertTrue(accountant.pageText().contains("approved by accountant."), accountant.pageText());
        accountant.fill("[id='statements:list_data'] input[id$=':reference']", "PAYPAL-7Q2XK");
        accountant.onPage("[id='statements:list_data'] .statement-pay button").click();
        assertTrue(accountant.onPage(".ui-confirm-dialog").getText().contains("cannot be undone"));
        accountant.press(".ui-confirmdialog-yes");
        assertEquals("accountant", accountant.onPage(".statement-paid-by").getText());
        assertEquals("PAYPAL-7Q2XK", accountant.onPage(".statement-reference").getText());
        accountant.screenshot("console-payouts");

        accountant.press("a.statement-performer");
        WebElement line = accountant.onPage("[id='lines:list_data'] tr");
        assertTrue(line.getText().matches("(?s).*\\b(tip|show)\\b.*"), line.getText());
        accountant.screenshot("console-payouts-statement");
        String print = accountant.onPage("[id='print']").getAttribute("href");
        accountant.go(java.net.URI.create(print));
        assertTrue(accountant.pageText().contains("Starlight Advice"), accountant.pageText());
        assertTrue(accountant.allOnPage(".console-nav").isEmpty(), "a page to print, without the console's menu");
        accountant.onPage("#print");
        accountant.screenshot("console-payouts-print");
    }

    // --- people and pages ---

    @Test
    @Order(21)
    void aHostSitesUserArrivesSignedInFromAnotherOriginAndAnOriginNotAllowedIsRefused() {
        Browser admin = console("admin");
        admin.go(server.site().uri("/admin/settings.xhtml"));
        admin.onPage("[id='secret:rotate']").click();
        admin.press(".ui-confirmdialog-yes");
        String secret = admin.onPage("#new-secret").getText().strip();
        assertTrue(secret.matches("[0-9a-f]{64}"), "the new API secret, shown once: " + secret);
        admin.script("document.querySelector(\"[id='hostLogin:roles'] input[value=MODERATOR]\").click();");
        admin.press("[id='hostLogin:saveHostLogin']");
        assertTrue(admin.pageText().contains("may now sign users in as moderator, user"), admin.pageText());

        HostSite.HostUser hosted = new HostSite.HostUser("host-" + nonce, "Hosted " + nonce, "moderator");
        try (HostSite host = HostSite.start(server.site().uri("/"), 1, luna, secret, hosted)) {
            String allowed = host.origin("localhost");
            admin.go(server.site().uri("/admin/settings.xhtml"));
            String origins = admin.onPage("[id='settings:allowedOrigins']").getAttribute("value");
            admin.fill("[id='settings:allowedOrigins']", origins + "\n" + allowed);
            admin.press("[id='settings:save']");
            assertTrue(admin.pageText().contains("Settings saved"), admin.pageText());

            try (Browser visitor = Browser.open("host-visitor", evidence)) {
                visitor.go(host.page("localhost"));
                visitor.until("signed in by the host", b -> b.shows(".ppv-username"));
                assertEquals(hosted.username(), visitor.find(".ppv-username").getText());
                assertEquals("MODERATOR", visitor.attribute(".ppv-role", "data-role"));
                visitor.until("straight into Luna's room", b -> "room".equals(b.attribute(".ppv", "data-view")));
                visitor.find(".ppv-room[data-part]");
                String line = "Hello from the host site " + nonce;
                visitor.type("form.ppv-chat-form [name=chat]", line);
                visitor.find("form.ppv-chat-form [name=chat]").sendKeys(Keys.ENTER);
                browsers.get("luna").until("the host user's line at Luna's", b -> hasLine(b, line));
                visitor.until("the line in the host user's own chat", b -> hasLine(b, line));
                visitor.screenshot("host-site-signed-in");

                visitor.go(host.page("localhost"));
                visitor.until("signed in again with the next page's token", b -> b.shows(".ppv-username"));
                assertEquals(hosted.username(), visitor.find(".ppv-username").getText(), "the same chat user");
            }

            try (Browser elsewhere = Browser.open("host-elsewhere", evidence)) {
                elsewhere.go(host.page("127.0.0.1"));
                WebElement refusal = elsewhere.until(
                        "the refusal in place of the chat",
                        b -> b.allOnPage(".ppv-refused").isEmpty() ? null : b.onPage(".ppv-refused"));
                assertTrue(
                        refusal.getText().contains("pages at " + host.origin("127.0.0.1"))
                                && refusal.getText().contains("\"Allowed origins\" in the console's Settings"),
                        refusal.getText());
                assertTrue(elsewhere.allOnPage(".ppv-embed:not(.ppv-refused)").isEmpty(), "no chat mounted");
                assertTrue(
                        elsewhere.console().contains("Allowed origins"),
                        "the page's console says it too: " + elsewhere.console());
                elsewhere.screenshot("host-site-refused");
            }
        }
    }

    /**
     * Puts a day into a date picker's field as choosing it in the picker does (typing over the field races the
     * picker's own overlay), then leaves the field.
     */
    private static void typeDate(Browser browser, String css, LocalDate day) {
        WebElement field = browser.onPage(css);
        browser.script(
                "arguments[0].value = arguments[1];"
                        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));"
                        + "arguments[0].blur();",
                field,
                day.toString());
        assertEquals(day.toString(), field.getAttribute("value"), css);
    }

    /** A console browser for a demo console login, signed in. */
    private Browser console(String login) {
        Browser browser = browsers.computeIfAbsent("console-" + login, name -> Browser.open(name, evidence));
        browser.go(server.site().uri("/admin/index.xhtml"));
        if (!browser.allOnPage("[id='login:username']").isEmpty()) {
            browser.fill("[id='login:username']", login);
            browser.fill("[id='login:password']", ProductChecks.DEMO_ADMIN_PASSWORD);
            browser.press("[id='login:submit']");
        }
        browser.onPage("[id='account:logout']");
        return browser;
    }

    private Browser userPage(String who) {
        Browser browser = browsers.computeIfAbsent(who, name -> Browser.open(name, evidence));
        browser.go(server.site().uri("/demo/user.html"));
        return browser;
    }

    private Browser performerPage(String who) {
        Browser browser = browsers.computeIfAbsent(who, name -> Browser.open(name, evidence));
        browser.go(server.site().uri("/demo/performer.html"));
        return browser;
    }

    private static void openSignIn(Browser browser) {
        browser.until("the sign-in form", b -> {
            if (!b.shows("form.ppv-signin") && b.shows("[data-action=show-signin]")) {
                b.click("[data-action=show-signin]");
            }
            return b.shows("form.ppv-signin");
        });
    }

    private static void signIn(Browser browser, String username) {
        openSignIn(browser);
        browser.type("form.ppv-signin input[name=username]", username);
        browser.type("form.ppv-signin input[name=password]", PASSWORD);
        browser.click("[data-action=signin]");
        browser.until(username + " signed in", b -> !b.shows("form.ppv-signin"));
    }

    private void enterLunasRoom(Browser browser) {
        browser.until("Luna online", b -> "ONLINE".equals(b.attribute(card(luna), "data-status")));
        browser.click(card(luna));
        browser.until(browser.name() + " in Luna's room", b -> "room".equals(b.attribute(".ppv", "data-view")));
        browser.find(".ppv-room[data-part]");
    }

    private static String card(long performerId) {
        return ".ppv-card[data-performer-id=\"" + performerId + "\"]";
    }

    private static WebElement host(Browser browser) {
        return (WebElement) browser.script("return document.querySelector('.ppv-embed');");
    }

    /** Frames decoded by the page's first incoming video connection. */
    private static int decoded(Browser browser) {
        JsonArray peers = browser.diagnostics().getJsonArray("peers");
        return peers == null || peers.isEmpty() ? 0 : peers.getJsonObject(0).getInt("framesDecoded", 0);
    }

    private static Object chatInputFocused(Browser browser) {
        return browser.script(
                "const input = arguments[0].shadowRoot.querySelector('form.ppv-chat-form [name=chat]');"
                        + "return arguments[0].shadowRoot.activeElement === input;",
                host(browser));
    }

    private static boolean hasLine(Browser browser, String text) {
        return browser.all(".ppv-chat-line .ppv-text").stream().anyMatch(t -> text.equals(t.getText()));
    }

    private static WebElement personNamed(Browser browser, String username) {
        for (WebElement person : browser.all(".ppv-people li[data-user-id]")) {
            if (username.equals(person.findElement(By.cssSelector(".ppv-name")).getText())) {
                return person;
            }
        }
        return null;
    }

    private static String typingOf(Browser browser, String username) {
        for (WebElement person : browser.all(".ppv-people li[data-user-id]")) {
            if (username.equals(person.findElement(By.cssSelector(".ppv-name")).getText())) {
                List<WebElement> bubble = person.findElements(By.cssSelector(".ppv-typing"));
                return bubble.isEmpty() || !bubble.get(0).isDisplayed()
                        ? ""
                        : bubble.get(0).getText();
            }
        }
        return "";
    }

    private static WebElement lastLineWithPhoto(Browser browser) {
        List<WebElement> lines = browser.all(".ppv-chat-line");
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).findElements(By.cssSelector("img.ppv-photo")).isEmpty()) {
                return lines.get(i);
            }
        }
        return null;
    }

    /** A screenshot at desktop size and one at phone size, where nothing may stick out sideways. */
    private void shoot(Browser browser, String page) {
        browser.screenshot(page + "-desktop");
        browser.phone(true);
        try {
            browser.until(
                    page + " laid out for a phone",
                    b -> ((Number) b.script("return window.innerWidth;")).intValue() <= 400);
            Number overflow = (Number) browser.script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(overflow.intValue() <= 0, page + " scrolls sideways on a phone by " + overflow + " px");
            browser.screenshot(page + "-phone");
        } finally {
            browser.phone(false);
        }
    }

    private Path picture() throws IOException {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x5b3cc4));
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.WHITE);
        g.drawString("PPV Chat " + nonce, 20, 120);
        g.dispose();
        Path file = Files.createDirectories(evidence.resolve("tmp")).resolve("photo-" + nonce + ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private long performerNamed(String displayName) {
        String body = server.site().get("/api/webmasters/1/performers").body();
        try (var reader = Json.createReader(new StringReader(body))) {
            for (JsonValue performer : reader.readArray()) {
                if (displayName.equals(performer.asJsonObject().getString("displayName"))) {
                    return performer.asJsonObject().getJsonNumber("id").longValue();
                }
            }
        }
        throw new IllegalStateException("no performer " + displayName + " on the demo wall: " + body);
    }

    /** Credits for a user through the load driver's ledger adjustment (loopback only, off in production). */
    private void grant(String username, long credits) {
        var response = server.site()
                .post(
                        "/api/loadtest/webmasters/1/users/" + username + "/credits?credits=" + credits,
                        Duration.ofSeconds(30));
        assertEquals(200, response.statusCode(), response::body);
    }
}
