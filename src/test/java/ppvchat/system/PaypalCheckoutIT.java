package ppvchat.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ppvchat.paypaldouble.PaypalDouble;

/**
 * Buying credits with PayPal, end to end on MariaDB: the real order, return and webhook endpoints of a
 * running server against the PayPal double, which plays PayPal's API and signs and delivers webhooks.
 * Every test checks the money: one purchase entry per capture, and reconciliation clean afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaypalCheckoutIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String WEBHOOK_ID = "WH-PPV-IT";
    private static final AtomicInteger SHOPS = new AtomicInteger();

    private PaypalDouble paypal;
    private PayaraMicroProcess server;
    private HttpSession http;
    private String database;
    private final List<TestSite> sites = new ArrayList<>();

    @BeforeAll
    void start() {
        paypal = PaypalDouble.start(new PaypalDouble.Settings(0, "it-client", "it-secret", WEBHOOK_ID, null));
        database = TestDatabase.recreate("ppv_paypal");
        Map<String, String> settings = new LinkedHashMap<>(SystemTestSettings.loadTestOnMariaDb(database));
        settings.put("ppv.tokens.key", TestTokens.KEY);
        settings.put("ppv.paypal.base-url", paypal.baseUrl());
        settings.put("ppv.paypal.client-id", "it-client");
        settings.put("ppv.paypal.client-secret", "it-secret");
        settings.put("ppv.paypal.webhook-id", WEBHOOK_ID);
        settings.put("ppv.paypal.retry-seconds", "1");
        server = PayaraMicroProcess.start(
                SystemTestSettings.existingFile("ppv.micro.jar"),
                SystemTestSettings.existingFile("ppv.micro.war"),
                SystemTestSettings.freshWorkDir("paypal").resolve("server"),
                settings);
        server.awaitReady(Duration.ofMinutes(4));
        http = server.site();
        paypal.deliverTo(http.uri("/api/paypal/webhooks"));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (paypal != null) {
            paypal.close();
        }
    }

    @BeforeEach
    void defaults() {
        paypal.webhookTiming(PaypalDouble.WebhookTiming.AFTER_RESPONSE);
        sites.clear();
    }

    @AfterEach
    void reconciliationIsClean() {
        for (TestSite site : sites) {
            JsonObject report = site.reconciliation();
            assertTrue(
                    report.getJsonArray("problems").isEmpty(),
                    "reconciliation of site " + site.webmasterId() + ": " + report);
        }
    }

    @Test
    void aCompletedCaptureCreditsOnceTellsTheRoomAndItsWebhookChangesNothing() {
        Shop shop = shop();
        try (SocketClient star = shop.site.enter(shop.site.performer(), shop.site.performer());
                SocketClient room = shop.site.enter(shop.site.performer(), shop.buyer())) {
            Order order = shop.order(shop.buyer());
            assertEquals("CREATED", order.status());
            String page = shop.returnFromPaypal(order);
            assertTrue(page.contains("data-status=\"COMPLETED\""), page);

            JsonObject payment = room.take("payment");
            assertEquals("COMPLETED", payment.getString("status"));
            assertEquals(order.reference(), payment.getString("order"));
            assertEquals(600, payment.getJsonNumber("credits").longValue());
            assertEquals(600, shop.balance(shop.buyer()));
        }
        String captureId = paypal.captureIdOf(shop.lastPaypalOrderId);
        awaitTrue(() -> processed("PAYMENT.CAPTURE.COMPLETED", captureId) == 1, "the capture's webhook is handled");
        assertTrue(outcomes("PAYMENT.CAPTURE.COMPLETED", captureId).get(0).contains("already credited"));
        assertEquals(600, shop.balance(shop.buyer()));
        assertEquals(1, shop.purchases(shop.buyer()));
        assertEquals("COMPLETED", single("SELECT payment_status FROM ppv_paypal WHERE txn_id = ?", captureId));
        assertEquals(
                "paypal:capture:" + captureId,
                single(
                        "SELECT idempotency_key FROM ledger_entry WHERE kind = 'PURCHASE' AND user_id = ?",
                        shop.buyer().userId()));
        assertEquals(
                "COMPLETED", single("SELECT status FROM paypal_order WHERE reference = ?", shop.lastOrder.reference()));
        String order =
                shop.orderStatus(shop.buyer(), shop.lastOrder.reference()).getString("status");
        assertEquals("COMPLETED", order, "the buyer reads the order back");
    }

    @Test
    void aBuyerWhoNeverComesBackIsCapturedWhenPaypalSaysTheOrderWasApproved() {
        Shop shop = shop();
        shop.order(shop.buyer());
        paypal.approve(shop.lastPaypalOrderId); // the popup was closed before PayPal could send it back
        awaitTrue(() -> shop.balance(shop.buyer()) == 600, "CHECKOUT.ORDER.APPROVED leads to the capture");
        assertEquals(1, shop.purchases(shop.buyer()));
        assertEquals(
                "COMPLETED",
                shop.orderStatus(shop.buyer(), shop.lastOrder.reference()).getString("status"));
    }

    @Test
    void theSameWebhookDeliveredTwentyFiveTimesCreditsOnce() {
        Shop shop = shop();
        Order order = shop.approvedOnly(shop.buyer());
        PaypalDouble.Event completed = paypal.captureEvent(shop.factsOf(order, "COMPLETED"));
        for (int delivery = 0; delivery < 25; delivery++) {
            assertEquals(200, paypal.deliver(completed), "every delivery is answered 2xx");
        }
        awaitTrue(() -> processedEvent(completed.id()) == 25, "all 25 deliveries handled");
        assertEquals(600, shop.balance(shop.buyer()));
        assertEquals(1, shop.purchases(shop.buyer()));
        assertEquals(
                0L,
                count(
                        "SELECT COUNT(*) FROM ppv_paypal_message WHERE event_id = ? AND verification = 'FAILURE'",
                        completed.id()));
    }

    @Test
    void theCaptureAnswerAndItsWebhookRacingCreditOnce() {
        paypal.webhookTiming(PaypalDouble.WebhookTiming.CONCURRENT);
        for (int round = 0; round < 3; round++) {
            Shop shop = shop();
            Order order = shop.order(shop.buyer());
            shop.returnFromPaypal(order);
            String captureId = paypal.captureIdOf(shop.lastPaypalOrderId);
            awaitTrue(() -> processed("PAYMENT.CAPTURE.COMPLETED", captureId) == 1, "the webhook is handled");
            assertEquals(600, shop.balance(shop.buyer()));
            assertEquals(1, shop.purchases(shop.buyer()));
        }
    }

    @Test
    void concurrentDuplicateWebhooksCreditOnce() {
        Shop shop = shop();
        Order order = shop.approvedOnly(shop.buyer());
        PaypalDouble.Event completed = paypal.captureEvent(shop.factsOf(order, "COMPLETED"));
        List<Integer> statuses = paypal.deliverConcurrently(completed, 12);
        assertTrue(statuses.stream().allMatch(status -> status == 200), statuses.toString());
        awaitTrue(() -> processedEvent(completed.id()) == 12, "all 12 deliveries handled");
        assertEquals(600, shop.balance(shop.buyer()));
        assertEquals(1, shop.purchases(shop.buyer()));
    }

    @Test
    void forgedEventsCreditNothingAndTheGenuineOneStillDoes() {
        Shop shop = shop();
        Order order = shop.approvedOnly(shop.buyer());
        PaypalDouble.Event completed = paypal.captureEvent(shop.factsOf(order, "COMPLETED"));
        for (PaypalDouble.Forgery forgery : PaypalDouble.Forgery.values()) {
            assertEquals(200, paypal.deliverForged(completed, forgery), forgery + " is answered, then judged");
        }
        awaitTrue(() -> processedEvent(completed.id()) == PaypalDouble.Forgery.values().length, "forgeries judged");
        assertEquals(
                (long) PaypalDouble.Forgery.values().length,
                count(
                        "SELECT COUNT(*) FROM ppv_paypal_message WHERE event_id = ? AND verification = 'FAILURE'",
                        completed.id()));
        assertEquals(0, shop.balance(shop.buyer()), "a forged event credits nothing");
        assertEquals(0L, count("SELECT COUNT(*) FROM ppv_paypal WHERE webmasterid = ?", shop.site.webmasterId()));

        paypal.deliver(completed);
        awaitTrue(() -> shop.balance(shop.buyer()) == 600, "the genuine event credits");
        assertEquals(1, shop.purchases(shop.buyer()));
    }

    @Test
    void aCaptureOfTheWrongPayeeAmountCurrencyPackageOrUserCreditsNothingAndIsLogged() {
        Shop shop = shop();
        Shop other = shop();
        Order order = shop.approvedOnly(shop.buyer());
        PaypalDouble.CaptureFacts right = shop.factsOf(order, "COMPLETED");
        String[] parts = right.customId().split(":");
        // What is wrong with each capture, and the words the log must give as the reason.
        Map<PaypalDouble.CaptureFacts, String> wrong = new LinkedHashMap<>();
        wrong.put(with(right, "payee", "someone-else@example.com"), "paid to someone-else@example.com");
        wrong.put(with(right, "value", "1.00"), "paid 1.00 USD, the package costs 10.00 USD");
        wrong.put(with(right, "currency", "EUR"), "paid 10.00 EUR, the package costs 10.00 USD");
        wrong.put(
                with(right, "customId", String.join(":", parts[0], parts[1], parts[2], "999999", parts[4])),
                "package 999999, unknown on this site");
        wrong.put(
                with(right, "customId", String.join(":", parts[0], parts[1], "999999", parts[3], parts[4])),
                "user 999999, unknown on site");
        wrong.put(with(right, "customId", "someone else's reference"), "was not made by an order of this site");
        wrong.put(
                with(
                        right,
                        "customId",
                        String.join(
                                ":",
                                parts[0],
                                parts[1],
                                String.valueOf(shop.site.user(1).userId()),
                                parts[3],
                                parts[4])),
                "does not match order");
        wrong.put(
                with(
                        right,
                        "customId",
                        String.join(
                                ":",
                                parts[0],
                                String.valueOf(other.site.webmasterId()),
                                String.valueOf(other.buyer().userId()),
                                String.valueOf(other.packageId),
                                parts[4])),
                "does not match order");
        for (var entry : wrong.entrySet()) {
            PaypalDouble.Event event = paypal.captureEvent(entry.getKey());
            assertEquals(200, paypal.deliver(event));
            awaitTrue(() -> processedEvent(event.id()) == 1, "judged: " + entry.getValue());
            String outcome = single("SELECT outcome FROM ppv_paypal_message WHERE event_id = ?", event.id());
            assertTrue(outcome.startsWith("refused:") && outcome.contains("nothing credited"), outcome);
            assertTrue(outcome.contains(entry.getValue()), "logged why (" + entry.getValue() + "): " + outcome);
        }
        assertEquals(0, shop.balance(shop.buyer()));
        assertEquals(0, other.balance(other.buyer()));
        assertEquals(
                0L,
                count(
                        "SELECT COUNT(*) FROM ledger_entry WHERE kind = 'PURCHASE' AND webmasterid IN (?, ?)",
                        shop.site.webmasterId(),
                        other.site.webmasterId()));
    }

    @Test
    void aPendingCaptureCreditsNothingUntilItCompletesThenOnce() {
        Shop shop = shop();
        paypal.nextCaptureOutcome(PaypalDouble.CaptureOutcome.PENDING);
        try (SocketClient star = shop.site.enter(shop.site.performer(), shop.site.performer());
                SocketClient room = shop.site.enter(shop.site.performer(), shop.buyer())) {
            Order order = shop.order(shop.buyer());
            String page = shop.returnFromPaypal(order);
            assertTrue(page.contains("data-status=\"PENDING\""), page);
            assertEquals("PENDING", room.take("payment").getString("status"));
            String captureId = paypal.captureIdOf(shop.lastPaypalOrderId);
            awaitTrue(() -> processed("PAYMENT.CAPTURE.PENDING", captureId) == 1, "the pending webhook is handled");
            assertEquals(0, shop.balance(shop.buyer()));
            assertEquals(
                    "PENDING", shop.orderStatus(shop.buyer(), order.reference()).getString("status"));

            PaypalDouble.Event completed = paypal.completePending(captureId);
            JsonObject payment = room.take("payment");
            assertEquals("COMPLETED", payment.getString("status"));
            awaitTrue(() -> shop.balance(shop.buyer()) == 600, "credited on completion");
            paypal.deliver(completed);
            paypal.deliver(paypal.lastEvent("PAYMENT.CAPTURE.PENDING"));
            awaitTrue(() -> processedEvent(completed.id()) == 2, "the repeats are handled");
        }
        assertEquals(600, shop.balance(shop.buyer()));
        assertEquals(1, shop.purchases(shop.buyer()));
    }

    @Test
    void aRefundAfterTheCreditsWereSpentTakesWhatIsThereRecordsTheShortfallAndHoldsTheUser() {
        Shop shop = shop();
        shop.buy(shop.buyer());
        try (SocketClient star = shop.site.enter(shop.site.performer(), shop.site.performer());
                SocketClient room = shop.site.enter(shop.site.performer(), shop.buyer())) {
            room.send(Json.createObjectBuilder()
                    .add("type", "tip")
                    .add("credits", 450)
                    .add("key", "t1")
                    .build());
            room.take("tip");
            awaitTrue(() -> shop.balance(shop.buyer()) == 150, "the tip is spent");

            paypal.refund(paypal.captureIdOf(shop.lastPaypalOrderId), null);
            JsonObject payment = room.take("payment");
            assertEquals("REFUNDED", payment.getString("status"));
            assertEquals(150, payment.getJsonNumber("credits").longValue());
            awaitTrue(() -> shop.balance(shop.buyer()) == 0, "the refund takes back what is there");

            room.send(RealtimeProtocolChecks.message("private.request"));
            JsonObject refused = room.take("error");
            assertEquals("forbidden", refused.getString("code"), "no private shows while held: " + refused);
        }
        assertEquals(
                450L,
                count(
                        "SELECT credit_shortfall FROM chat_user WHERE id = ?",
                        shop.buyer().userId()));
        assertTrue(single(
                        "SELECT purchases_hold FROM chat_user WHERE id = ?",
                        shop.buyer().userId())
                .contains("refunded"));
        assertEquals(
                -150L,
                count(
                        "SELECT SUM(credits) FROM ledger_entry WHERE kind = 'REFUND' AND user_id = ?",
                        shop.buyer().userId()));
        assertEquals(
                "REFUNDED",
                single("SELECT payment_status FROM ppv_paypal WHERE webmasterid = ?", shop.site.webmasterId()));
        HttpResponse<String> again = shop.tryOrder(shop.buyer(), shop.packageId);
        assertEquals(403, again.statusCode(), again.body());
        assertTrue(again.body().contains("on hold"), again.body());
    }

    @Test
    void aReversalAndItsCancellationNetToTheBalanceBefore() {
        Shop shop = shop();
        shop.buy(shop.buyer());
        String captureId = paypal.captureIdOf(shop.lastPaypalOrderId);
        PaypalDouble.Event reversed = paypal.reverse(captureId);
        awaitTrue(() -> shop.balance(shop.buyer()) == 0, "the reversal takes the credits back");
        PaypalDouble.Event opened = paypal.openDispute(captureId);
        String disputeId = opened.body().getJsonObject("resource").getString("dispute_id");
        awaitTrue(() -> processedEvent(opened.id()) == 1, "the dispute is recorded");
        assertEquals("OPEN", single("SELECT status FROM paypal_dispute WHERE dispute_id = ?", disputeId));

        PaypalDouble.Event resolved = paypal.resolveDispute(disputeId, "RESOLVED_SELLER_FAVOUR");
        awaitTrue(() -> shop.balance(shop.buyer()) == 600, "the cancelled reversal gives the credits back");
        paypal.deliver(resolved);
        paypal.deliver(reversed);
        awaitTrue(() -> processedEvent(resolved.id()) == 2 && processedEvent(reversed.id()) == 2, "repeats handled");
        assertEquals(600, shop.balance(shop.buyer()), "repeats change nothing");
        assertEquals("RESOLVED", single("SELECT status FROM paypal_dispute WHERE dispute_id = ?", disputeId));
        assertEquals(
                "RESOLVED_SELLER_FAVOUR", single("SELECT outcome FROM paypal_dispute WHERE dispute_id = ?", disputeId));
        assertEquals(
                0L,
                count(
                        "SELECT credit_shortfall FROM chat_user WHERE id = ?",
                        shop.buyer().userId()));
        assertEquals("COMPLETED", single("SELECT payment_status FROM ppv_paypal WHERE txn_id = ?", captureId));
    }

    @Test
    void aRefundThatArrivesBeforeItsCaptureWaitsForItThenTakesTheCreditsBack() {
        Shop shop = shop();
        Order order = shop.approvedOnly(shop.buyer());
        PaypalDouble.Event completed = paypal.captureEvent(shop.factsOf(order, "COMPLETED"));
        String captureId = completed.resource().getString("id");
        PaypalDouble.Event refunded = paypal.refund(captureId, null); // delivered at once, before the capture
        awaitTrue(
                () -> count(
                                "SELECT COUNT(*) FROM ppv_paypal_message WHERE event_id = ? AND outcome LIKE ?",
                                refunded.id(),
                                "%not recorded yet%")
                        > 0,
                "the early refund is kept for later");
        assertEquals(0, shop.balance(shop.buyer()));

        paypal.deliver(completed);
        awaitTrue(() -> processedEvent(refunded.id()) >= 1, "the refund is applied once its capture is known");
        assertEquals(0, shop.balance(shop.buyer()), "bought, then refunded");
        assertEquals(1, shop.purchases(shop.buyer()));
        assertEquals(
                -600L,
                count(
                        "SELECT SUM(credits) FROM ledger_entry WHERE kind = 'REFUND' AND user_id = ?",
                        shop.buyer().userId()));
        assertEquals(
                0L,
                count(
                        "SELECT credit_shortfall FROM chat_user WHERE id = ?",
                        shop.buyer().userId()));
    }

    @Test
    void paypalDownDuringTheCaptureIsRetriedAndCreditsOnceInTheEnd() {
        Shop shop = shop();
        Order order = shop.order(shop.buyer());
        paypal.failNext("capture", 5, 503);
        String page = shop.returnFromPaypal(order);
        assertTrue(page.contains("data-status=\"APPROVED\""), "the buyer is told the credits are on the way: " + page);
        assertEquals(0, shop.balance(shop.buyer()));
        awaitTrue(() -> shop.balance(shop.buyer()) == 600, "the retry captures and credits");
        assertEquals(1, shop.purchases(shop.buyer()));
        assertEquals(
                "COMPLETED", shop.orderStatus(shop.buyer(), order.reference()).getString("status"));
    }

    @Test
    void malformedBodiesGetAClearErrorAndChangeNothing() {
        Shop shop = shop();
        long messages = count("SELECT COUNT(*) FROM ppv_paypal_message");
        long orders = count("SELECT COUNT(*) FROM paypal_order");
        String huge = "{\"id\": \"WH-1\", \"event_type\": \"PAYMENT.CAPTURE.COMPLETED\", \"pad\": \""
                + "x".repeat(300_000) + "\"}";
        for (String body :
                List.of("", "not json", "[1, 2]", "{}", "{\"id\": 5, \"event_type\": []}", "{\"id\":", huge)) {
            HttpResponse<String> answer = http.postJson("/api/paypal/webhooks", body);
            assertEquals(400, answer.statusCode(), body.length() + " characters -> " + answer.body());
            String error = TestSite.json(answer.body()).getString("error");
            assertFalse(error.isBlank() || error.contains("Exception"), error);
        }
        for (String body : List.of("", "nope", "{}", "{\"packageId\": \"x\"}", "{\"packageId\": -4}", "[]")) {
            HttpResponse<String> answer = shop.orderWith(shop.buyer(), body);
            assertEquals(400, answer.statusCode(), body + " -> " + answer.body());
            assertFalse(answer.body().contains("Exception"), answer.body());
        }
        HttpResponse<String> unsubscribed =
                http.postJson("/api/paypal/webhooks", "{\"id\": \"WH-X\", \"event_type\": \"BILLING.PLAN.CREATED\"}");
        assertEquals(200, unsubscribed.statusCode(), "an event the site does not act on is answered, not kept");
        HttpResponse<String> spliced = http.postJson(
                "/api/paypal/webhooks",
                "{\"id\": \"WH-Y\", \"event_type\": \"PAYMENT.CAPTURE.COMPLETED\"}, \"webhook_id\": \"WH-OTHER\"}");
        assertEquals(400, spliced.statusCode(), "nothing may follow the event: " + spliced.body());
        assertEquals(messages, count("SELECT COUNT(*) FROM ppv_paypal_message"));
        assertEquals(orders, count("SELECT COUNT(*) FROM paypal_order"));
    }

    @Test
    void anOrderForAnotherSitesPackageOrByAGuestOrWithoutTokenIsRefused() {
        Shop shop = shop();
        Shop other = shop();
        assertEquals(404, shop.tryOrder(shop.buyer(), other.packageId).statusCode(), "another site's package");
        assertEquals(404, shop.tryOrder(shop.buyer(), 987654).statusCode(), "an unknown package");
        assertEquals(403, shop.tryOrder(shop.site.guest(), shop.packageId).statusCode(), "a guest");
        HttpResponse<String> anonymous = http.postJson(
                "/api/webmasters/" + shop.site.webmasterId() + "/paypal/orders",
                "{\"packageId\": " + shop.packageId + "}");
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        HttpResponse<String> foreignToken = http.postJson(
                "/api/webmasters/" + shop.site.webmasterId() + "/paypal/orders",
                "{\"packageId\": " + shop.packageId + "}",
                "Authorization",
                "Bearer " + other.buyer().token());
        assertEquals(401, foreignToken.statusCode(), "another site's token: " + foreignToken.body());
        Order mine = shop.order(shop.buyer());
        HttpResponse<String> peek = http.send(
                "GET",
                "/api/webmasters/" + shop.site.webmasterId() + "/paypal/orders/" + mine.reference(),
                "Authorization",
                "Bearer " + shop.site.user(1).token());
        assertEquals(404, peek.statusCode(), "another user's order is not found");
        HttpResponse<String> foreignCancel = http.send(
                "POST",
                "/api/webmasters/" + shop.site.webmasterId() + "/paypal/orders/" + mine.reference() + "/cancel",
                "Authorization",
                "Bearer " + shop.site.user(1).token());
        assertEquals(404, foreignCancel.statusCode(), "nor can another user cancel it");
        HttpResponse<String> cancelled = http.send(
                "POST",
                "/api/webmasters/" + shop.site.webmasterId() + "/paypal/orders/" + mine.reference() + "/cancel",
                "Authorization",
                "Bearer " + shop.buyer().token());
        assertEquals("CANCELLED", TestSite.json(cancelled.body()).getString("status"), cancelled.body());
        String page = shop.returnFromPaypal(mine); // approved at PayPal after all: a cancelled order is not captured
        assertTrue(page.contains("data-status=\"CANCELLED\""), page);
        assertEquals(0, shop.balance(shop.buyer()));
        assertEquals(
                1L,
                count(
                        "SELECT COUNT(*) FROM paypal_order WHERE webmasterid IN (?, ?)",
                        shop.site.webmasterId(),
                        other.site.webmasterId()));
    }

    // ---- the shop: a test site with a PayPal account and one package of 600 credits for 10.00

    record Order(String reference, String status, String approveUrl) {}

    private Shop shop() {
        TestSite site = TestSite.create(http, "performers=1&users=2&credits=0");
        sites.add(site);
        int n = SHOPS.incrementAndGet();
        String payee = "shop" + n + "@example.com";
        update("UPDATE webmaster SET paypal_email = ? WHERE id = ?", payee, site.webmasterId());
        long packageId = insert(
                "INSERT INTO ppv_item (webmasterid, seconds, price, description, active)"
                        + " VALUES (?, 600, 10.00, '600 credits', TRUE)",
                site.webmasterId());
        return new Shop(site, payee, packageId);
    }

    private final class Shop {
        final TestSite site;
        final String payee;
        final long packageId;
        Order lastOrder;
        String lastPaypalOrderId;

        Shop(TestSite site, String payee, long packageId) {
            this.site = site;
            this.payee = payee;
            this.packageId = packageId;
        }

        TestSite.Member buyer() {
            return site.user(0);
        }

        HttpResponse<String> orderWith(TestSite.Member who, String body) {
            return http.postJson(
                    "/api/webmasters/" + site.webmasterId() + "/paypal/orders",
                    body,
                    "Authorization",
                    "Bearer " + who.token());
        }

        HttpResponse<String> tryOrder(TestSite.Member who, long packageId) {
            return orderWith(who, "{\"packageId\": " + packageId + "}");
        }

        Order order(TestSite.Member who) {
            HttpResponse<String> answer = tryOrder(who, packageId);
            assertEquals(201, answer.statusCode(), answer.body());
            JsonObject order = TestSite.json(answer.body());
            assertEquals("10.00", order.getString("price"));
            assertEquals(600, order.getJsonNumber("credits").longValue());
            lastOrder = new Order(order.getString("order"), order.getString("status"), order.getString("approveUrl"));
            lastPaypalOrderId = query(URI.create(lastOrder.approveUrl()), "token");
            JsonObject atPaypal = paypal.order(lastPaypalOrderId).orElseThrow();
            JsonObject unit = atPaypal.getJsonArray("purchase_units").getJsonObject(0);
            assertEquals(payee, unit.getJsonObject("payee").getString("email_address"), "the site is the payee");
            assertEquals("10.00", unit.getJsonObject("amount").getString("value"));
            return lastOrder;
        }

        /** The buyer approves at PayPal and PayPal sends the popup back to the server's return page. */
        String returnFromPaypal(Order order) {
            String back = paypal.approve(query(URI.create(order.approveUrl()), "token"));
            HttpResponse<String> page = http.get(
                    URI.create(back).getRawPath() + "?" + URI.create(back).getRawQuery());
            assertEquals(200, page.statusCode(), page.body());
            return page.body();
        }

        /** Bought and credited through the whole flow. */
        void buy(TestSite.Member who) {
            returnFromPaypal(order(who));
            awaitTrue(() -> balance(who) == 600, "the purchase is credited");
        }

        /** Approved at PayPal, but the buyer never came back: only a webhook can tell us. */
        Order approvedOnly(TestSite.Member who) {
            Order order = order(who);
            paypal.webhookTiming(PaypalDouble.WebhookTiming.NONE); // no CHECKOUT.ORDER.APPROVED either
            paypal.approve(lastPaypalOrderId);
            paypal.webhookTiming(PaypalDouble.WebhookTiming.AFTER_RESPONSE);
            return order;
        }

        PaypalDouble.CaptureFacts factsOf(Order order, String status) {
            JsonObject unit = paypal.order(lastPaypalOrderId)
                    .orElseThrow()
                    .getJsonArray("purchase_units")
                    .getJsonObject(0);
            return new PaypalDouble.CaptureFacts(
                    lastPaypalOrderId,
                    null,
                    status,
                    "10.00",
                    "USD",
                    payee,
                    null,
                    unit.getString("custom_id"),
                    order.reference());
        }

        JsonObject orderStatus(TestSite.Member who, String reference) {
            return TestSite.json(http.send(
                            "GET",
                            "/api/webmasters/" + site.webmasterId() + "/paypal/orders/" + reference,
                            "Authorization",
                            "Bearer " + who.token())
                    .body());
        }

        long balance(TestSite.Member who) {
            return count("SELECT credits FROM chat_user WHERE id = ?", who.userId());
        }

        long purchases(TestSite.Member who) {
            return count("SELECT COUNT(*) FROM ledger_entry WHERE kind = 'PURCHASE' AND user_id = ?", who.userId());
        }
    }

    private static PaypalDouble.CaptureFacts with(PaypalDouble.CaptureFacts facts, String field, String value) {
        return new PaypalDouble.CaptureFacts(
                facts.orderId(),
                null,
                facts.status(),
                field.equals("value") ? value : facts.value(),
                field.equals("currency") ? value : facts.currency(),
                field.equals("payee") ? value : facts.payeeEmail(),
                facts.payeeMerchantId(),
                field.equals("customId") ? value : facts.customId(),
                facts.invoiceId());
    }

    // ---- the database, read directly

    private long processed(String type, String resourceId) {
        return count(
                "SELECT COUNT(*) FROM ppv_paypal_message WHERE event_type = ? AND resource_id = ?"
                        + " AND processed_at IS NOT NULL",
                type,
                resourceId);
    }

    private long processedEvent(String eventId) {
        return count(
                "SELECT COUNT(*) FROM ppv_paypal_message WHERE event_id = ? AND processed_at IS NOT NULL", eventId);
    }

    private List<String> outcomes(String type, String resourceId) {
        List<String> outcomes = new ArrayList<>();
        withRows(
                "SELECT outcome FROM ppv_paypal_message WHERE event_type = ? AND resource_id = ? ORDER BY id",
                rows -> outcomes.add(rows.getString(1)),
                type,
                resourceId);
        return outcomes;
    }

    private long count(String sql, Object... parameters) {
        long[] result = {0};
        withRows(sql, rows -> result[0] = rows.getLong(1), parameters);
        return result[0];
    }

    private String single(String sql, Object... parameters) {
        String[] result = {null};
        withRows(sql, rows -> result[0] = rows.getString(1), parameters);
        if (result[0] == null) {
            throw new AssertionError("no value for " + sql);
        }
        return result[0];
    }

    private interface Row {
        void read(ResultSet rows) throws SQLException;
    }

    private void withRows(String sql, Row row, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private long insert(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, parameters);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                database,
                SystemTestSettings.value("ppv.mariadb.user"),
                SystemTestSettings.value("ppv.mariadb.password"));
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i] instanceof BigDecimal d ? d : parameters[i]);
        }
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + uri);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
