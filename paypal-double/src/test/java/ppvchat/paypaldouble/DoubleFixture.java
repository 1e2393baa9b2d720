package ppvchat.paypaldouble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;

/** A double with a receiver and a signed-in client, as most tests want them. */
final class DoubleFixture implements AutoCloseable {

    static final String CLIENT_ID = "test-client";
    static final String CLIENT_SECRET = "test-secret";
    static final String WEBHOOK_ID = "WH-TEST-1";

    final WebhookReceiver receiver;
    final PaypalDouble paypal;
    final PaypalClient client;

    DoubleFixture() throws IOException {
        receiver = new WebhookReceiver();
        paypal = PaypalDouble.start(new PaypalDouble.Settings(0, CLIENT_ID, CLIENT_SECRET, WEBHOOK_ID, receiver.url())
                .withWebhookRetries(Duration.ofMillis(50), 5));
        client = new PaypalClient(paypal.baseUrl()).signIn(CLIENT_ID, CLIENT_SECRET);
    }

    /** Create and approve an order; returns its id. */
    String approvedOrder(String value) {
        PaypalClient.Answer created = client.createOrder(value, null);
        assertEquals(201, created.status(), created.text());
        String orderId = created.json().getString("id");
        paypal.approve(orderId);
        return orderId;
    }

    /** Create, approve and capture; returns the capture id. */
    String capturedOrder(String value) {
        String orderId = approvedOrder(value);
        PaypalClient.Answer captured = client.capture(orderId, null);
        assertEquals(201, captured.status(), captured.text());
        return paypal.captureIdOf(orderId);
    }

    /** What the application sends to PayPal to check a received webhook. */
    String verification(WebhookReceiver.Received delivery, String webhookId) {
        JsonObject event = (JsonObject) JsonSupport.parse(delivery.body());
        return JsonSupport.object()
                .add("auth_algo", delivery.header("PAYPAL-AUTH-ALGO"))
                .add("cert_url", delivery.header("PAYPAL-CERT-URL"))
                .add("transmission_id", delivery.header("PAYPAL-TRANSMISSION-ID"))
                .add("transmission_sig", delivery.header("PAYPAL-TRANSMISSION-SIG"))
                .add("transmission_time", delivery.header("PAYPAL-TRANSMISSION-TIME"))
                .add("webhook_id", webhookId)
                .add("webhook_event", event)
                .build()
                .toString();
    }

    String verify(WebhookReceiver.Received delivery, String webhookId) {
        PaypalClient.Answer answer =
                client.post("/v1/notifications/verify-webhook-signature", verification(delivery, webhookId), null);
        assertEquals(200, answer.status(), answer.text());
        return answer.json().getString("verification_status");
    }

    @Override
    public void close() {
        paypal.close();
        receiver.close();
    }
}
