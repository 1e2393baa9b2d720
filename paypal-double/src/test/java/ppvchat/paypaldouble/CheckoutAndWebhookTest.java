package ppvchat.paypaldouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CheckoutAndWebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern PAYPAL_ID = Pattern.compile("[A-Z0-9]{17}");

    private DoubleFixture fixture;

    @BeforeEach
    void start() throws IOException {
        fixture = new DoubleFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void buyerApprovesAndCaptureSendsVerifiableWebhook() throws InterruptedException {
        PaypalClient.Answer created = fixture.client.createOrder("10.00", null);
        assertEquals(201, created.status(), created.text());
        String orderId = created.json().getString("id");
        assertTrue(PAYPAL_ID.matcher(orderId).matches(), orderId);
        assertEquals("PAYER_ACTION_REQUIRED", created.json().getString("status"));
        String payerAction = link(created.json(), "payer-action");
        assertEquals(fixture.paypal.baseUrl() + "/checkoutnow?token=" + orderId, payerAction);

        PaypalClient.Answer page = fixture.client.page("/checkoutnow?token=" + orderId);
        assertEquals(200, page.status());
        assertTrue(page.text().contains("id=\"pay\""), page.text());
        assertTrue(page.text().contains("performer@example.test"), page.text());

        PaypalClient.Answer approved = fixture.client.form("/checkoutnow/approve", "token=" + orderId);
        assertEquals(303, approved.status());
        String location = approved.headers().firstValue("Location").orElseThrow();
        assertTrue(
                location.startsWith("https://ppv.example.test/paypal/return?room=7&token=" + orderId + "&PayerID="),
                location);
        fixture.receiver.next("CHECKOUT.ORDER.APPROVED", WAIT);

        PaypalClient.Answer captured = fixture.client.capture(orderId, null);
        assertEquals(201, captured.status(), captured.text());
        assertEquals("COMPLETED", captured.json().getString("status"));
        JsonObject unit = captured.json().getJsonArray("purchase_units").getJsonObject(0);
        assertEquals("purchase-42", unit.getString("custom_id"));
        JsonObject capture =
                unit.getJsonObject("payments").getJsonArray("captures").getJsonObject(0);
        assertEquals("COMPLETED", capture.getString("status"));
        JsonObject breakdown = capture.getJsonObject("seller_receivable_breakdown");
        assertEquals("0.84", breakdown.getJsonObject("paypal_fee").getString("value"));
        assertEquals("9.16", breakdown.getJsonObject("net_amount").getString("value"));

        WebhookReceiver.Received webhook = fixture.receiver.next("PAYMENT.CAPTURE.COMPLETED", WAIT);
        assertEquals("application/json", webhook.header("Content-Type"));
        assertEquals("SHA256withRSA", webhook.header("PAYPAL-AUTH-ALGO"));
        assertEquals(fixture.paypal.certUrl(), webhook.header("PAYPAL-CERT-URL"));
        JsonObject event = (JsonObject) JsonSupport.parse(webhook.body());
        JsonObject resource = event.getJsonObject("resource");
        assertEquals(capture.getString("id"), resource.getString("id"));
        assertEquals(
                orderId,
                resource.getJsonObject("supplementary_data")
                        .getJsonObject("related_ids")
                        .getString("order_id"));
        assertEquals("performer@example.test", resource.getJsonObject("payee").getString("email_address"));

        assertEquals("SUCCESS", fixture.verify(webhook, DoubleFixture.WEBHOOK_ID));
        assertEquals("FAILURE", fixture.verify(webhook, "WH-SOMEONE-ELSE"));
    }

    @ParameterizedTest
    @EnumSource(PaypalDouble.Forgery.class)
    void forgedDeliveriesDoNotVerify(PaypalDouble.Forgery forgery) throws InterruptedException {
        fixture.paypal.webhookTiming(PaypalDouble.WebhookTiming.NONE);
        fixture.capturedOrder("10.00");
        PaypalDouble.Event event = fixture.paypal.lastEvent("PAYMENT.CAPTURE.COMPLETED");

        assertEquals(200, fixture.paypal.deliverForged(event, forgery));
        WebhookReceiver.Received forged = fixture.receiver.next(WAIT);

        assertEquals("FAILURE", fixture.verify(forged, DoubleFixture.WEBHOOK_ID));
        assertEquals(200, fixture.paypal.deliver(event));
        assertEquals("SUCCESS", fixture.verify(fixture.receiver.next(WAIT), DoubleFixture.WEBHOOK_ID));
    }

    @Test
    void retriesUntilTheReceiverAcceptsWithTheSameEventId() throws InterruptedException {
        fixture.receiver.failNext(2);
        String orderId = fixture.approvedOrder("3.00");
        PaypalDouble.Event approved = fixture.paypal.lastEvent("CHECKOUT.ORDER.APPROVED");

        fixture.paypal.awaitDeliveries(approved.id(), 3, WAIT);

        var attempts = fixture.paypal.deliveries().stream()
                .filter(d -> d.eventId().equals(approved.id()))
                .toList();
        assertEquals(3, attempts.size());
        assertEquals(500, attempts.get(0).status());
        assertEquals(500, attempts.get(1).status());
        assertEquals(200, attempts.get(2).status());
        assertEquals(3, attempts.get(2).attempt());
        for (int i = 0; i < 3; i++) {
            assertTrue(fixture.receiver.next(WAIT).body().contains(approved.id()));
        }
        assertEquals("APPROVED", fixture.paypal.order(orderId).orElseThrow().getString("status"));
    }

    @Test
    void pendingCaptureCompletesLater() throws InterruptedException {
        fixture.paypal.nextCaptureOutcome(PaypalDouble.CaptureOutcome.PENDING);
        String captureId = fixture.capturedOrder("10.00");

        JsonObject pending = fixture.paypal.capture(captureId).orElseThrow();
        assertEquals("PENDING", pending.getString("status"));
        assertEquals("PENDING_REVIEW", pending.getJsonObject("status_details").getString("reason"));
        fixture.receiver.next("PAYMENT.CAPTURE.PENDING", WAIT);

        fixture.paypal.completePending(captureId);

        fixture.receiver.next("PAYMENT.CAPTURE.COMPLETED", WAIT);
        assertEquals(
                "COMPLETED", fixture.paypal.capture(captureId).orElseThrow().getString("status"));
        assertEquals(
                "COMPLETED",
                fixture.client.get("/v2/payments/captures/" + captureId).json().getString("status"));
    }

    @Test
    void concurrentTimingStillDeliversTheCaptureWebhook() throws InterruptedException {
        fixture.paypal.webhookTiming(PaypalDouble.WebhookTiming.CONCURRENT);
        String captureId = fixture.capturedOrder("10.00");

        WebhookReceiver.Received webhook = fixture.receiver.next("PAYMENT.CAPTURE.COMPLETED", WAIT);

        assertTrue(webhook.body().contains(captureId));
        assertEquals("SUCCESS", fixture.verify(webhook, DoubleFixture.WEBHOOK_ID));
    }

    @Test
    void concurrentDuplicatesAreEachGenuine() throws InterruptedException {
        fixture.paypal.webhookTiming(PaypalDouble.WebhookTiming.NONE);
        fixture.capturedOrder("10.00");
        PaypalDouble.Event event = fixture.paypal.lastEvent("PAYMENT.CAPTURE.COMPLETED");

        assertEquals(java.util.List.of(200, 200, 200), fixture.paypal.deliverConcurrently(event, 3));

        java.util.Set<String> transmissionIds = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
            WebhookReceiver.Received duplicate = fixture.receiver.next(WAIT);
            transmissionIds.add(duplicate.header("PAYPAL-TRANSMISSION-ID"));
            assertEquals(event.json(), duplicate.body());
            assertEquals("SUCCESS", fixture.verify(duplicate, DoubleFixture.WEBHOOK_ID));
        }
        assertEquals(3, transmissionIds.size());
    }

    @Test
    void reversalAndDisputeEvents() throws InterruptedException {
        String captureId = fixture.capturedOrder("10.00");
        fixture.receiver.next("PAYMENT.CAPTURE.COMPLETED", WAIT);

        PaypalDouble.Event opened = fixture.paypal.openDispute(captureId);
        String disputeId = opened.resource().getString("dispute_id");
        assertTrue(disputeId.matches("PP-D-[0-9]+"), disputeId);
        assertEquals(
                captureId,
                opened.resource()
                        .getJsonArray("disputed_transactions")
                        .getJsonObject(0)
                        .getString("seller_transaction_id"));
        fixture.receiver.next("CUSTOMER.DISPUTE.CREATED", WAIT);

        PaypalDouble.Event resolved = fixture.paypal.resolveDispute(disputeId, "RESOLVED_SELLER_FAVOUR");
        assertEquals("RESOLVED", resolved.resource().getString("status"));
        assertEquals(
                "RESOLVED_SELLER_FAVOUR",
                resolved.resource().getJsonObject("dispute_outcome").getString("outcome_code"));
        fixture.receiver.next("CUSTOMER.DISPUTE.RESOLVED", WAIT);

        PaypalDouble.Event reversed = fixture.paypal.reverse(captureId);
        assertEquals("10.00", reversed.resource().getJsonObject("amount").getString("value"));
        assertEquals("REVERSED", fixture.paypal.capture(captureId).orElseThrow().getString("status"));
        assertEquals("SUCCESS", fixture.verify(fixture.receiver.next("PAYMENT.CAPTURE.REVERSED", WAIT), "WH-TEST-1"));
    }

    @Test
    void checkoutPageEscapesWhatTheOrderSays() {
        String body = PaypalClient.orderJson("1.00").replace("30 minutes of chat", "<script>alert(1)</script>");
        String orderId =
                fixture.client.post("/v2/checkout/orders", body, null).json().getString("id");

        String page = fixture.client.page("/checkoutnow?token=" + orderId).text();

        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
        assertTrue(!page.contains("<script>"), page);
    }

    private static String link(JsonObject resource, String rel) {
        return resource.getJsonArray("links").getValuesAs(JsonObject.class).stream()
                .filter(l -> rel.equals(l.getString("rel")))
                .findFirst()
                .orElseThrow()
                .getString("href");
    }
}
