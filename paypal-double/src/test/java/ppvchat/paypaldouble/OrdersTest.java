package ppvchat.paypaldouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.JsonObject;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrdersTest {

    private DoubleFixture fixture;

    @BeforeEach
    void start() throws IOException {
        fixture = new DoubleFixture();
        fixture.paypal.webhookTiming(PaypalDouble.WebhookTiming.NONE);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void sameRequestIdCreatesOneOrder() {
        PaypalClient.Answer first = fixture.client.createOrder("10.00", "create-1");
        PaypalClient.Answer again = fixture.client.createOrder("10.00", "create-1");
        PaypalClient.Answer other = fixture.client.createOrder("10.00", "create-2");

        assertEquals(201, first.status());
        assertEquals(200, again.status());
        assertEquals(first.json(), again.json());
        assertNotEquals(first.json().getString("id"), other.json().getString("id"));
    }

    @Test
    void sameRequestIdCapturesOnceAndAnotherIsRefused() {
        String orderId = fixture.approvedOrder("10.00");

        PaypalClient.Answer first = fixture.client.capture(orderId, "capture-1");
        PaypalClient.Answer again = fixture.client.capture(orderId, "capture-1");
        PaypalClient.Answer other = fixture.client.capture(orderId, "capture-2");

        assertEquals(201, first.status());
        assertEquals(first.status(), again.status());
        assertEquals(first.json(), again.json());
        assertEquals(422, other.status());
        assertEquals("UNPROCESSABLE_ENTITY", other.json().getString("name"));
        assertEquals("ORDER_ALREADY_CAPTURED", issue(other));
        assertEquals(
                1,
                fixture.paypal.events().stream()
                        .filter(e -> e.type().startsWith("PAYMENT.CAPTURE."))
                        .count());
    }

    @Test
    void captureBeforeApprovalIsRefused() {
        String orderId = fixture.client.createOrder("10.00", null).json().getString("id");

        PaypalClient.Answer answer = fixture.client.capture(orderId, null);

        assertEquals(422, answer.status());
        assertEquals("ORDER_NOT_APPROVED", issue(answer));
    }

    @Test
    void failNextAnswersTheScriptedStatusThenWorksAgain() {
        fixture.paypal.failNext("create", 2, 503);

        assertEquals(503, fixture.client.createOrder("10.00", null).status());
        PaypalClient.Answer second = fixture.client.createOrder("10.00", null);
        assertEquals(503, second.status());
        assertEquals("SERVICE_UNAVAILABLE", second.json().getString("name"));
        assertEquals(201, fixture.client.createOrder("10.00", null).status());
    }

    @Test
    void refusesMalformedAndInvalidOrders() {
        PaypalClient.Answer malformed = fixture.client.post("/v2/checkout/orders", "{\"intent\":", null);
        assertEquals(400, malformed.status());
        assertEquals("INVALID_REQUEST", malformed.json().getString("name"));
        assertEquals("MALFORMED_REQUEST_JSON", issue(malformed));

        assertEquals(422, fixture.client.createOrder("10.5", null).status());
        assertEquals(422, fixture.client.createOrder("0.00", null).status());
        assertEquals(400, fixture.client.createOrder("ten", null).status());
        String noReturnUrl = PaypalClient.orderJson("1.00").replace("\"return_url\"", "\"other_url\"");
        assertEquals(
                400,
                fixture.client.post("/v2/checkout/orders", noReturnUrl, null).status());
        String authorize = PaypalClient.orderJson("1.00").replace("CAPTURE", "AUTHORIZE");
        assertEquals(
                400, fixture.client.post("/v2/checkout/orders", authorize, null).status());
    }

    @Test
    void olderApplicationContextFormAndDefaultPayee() {
        String body =
                """
                {"intent":"CAPTURE","purchase_units":[{"amount":{"currency_code":"EUR","value":"7.00"}}],
                 "application_context":{"return_url":"http://localhost/back","cancel_url":"http://localhost/c"}}
                """;
        PaypalClient.Answer created = fixture.client.post("/v2/checkout/orders", body, null);
        assertEquals(201, created.status(), created.text());
        assertEquals("CREATED", created.json().getString("status"));
        String orderId = created.json().getString("id");

        String redirect = fixture.paypal.approve(orderId);

        assertEquals(true, redirect.startsWith("http://localhost/back?token=" + orderId + "&PayerID="));
        JsonObject payee = fixture.client
                .get("/v2/checkout/orders/" + orderId)
                .json()
                .getJsonArray("purchase_units")
                .getJsonObject(0)
                .getJsonObject("payee");
        assertEquals("merchant@paypal-double.test", payee.getString("email_address"));
        assertEquals("PPVDOUBLEMERCH", payee.getString("merchant_id"));
        assertEquals(
                404, fixture.client.get("/v2/checkout/orders/NOSUCHORDER000000").status());
    }

    @Test
    void partialThenFullRefund() {
        String captureId = fixture.capturedOrder("10.00");

        PaypalDouble.Event partial = fixture.paypal.refund(captureId, "4.00");
        assertEquals(
                "PARTIALLY_REFUNDED",
                fixture.paypal.capture(captureId).orElseThrow().getString("status"));
        assertEquals("PAYMENT.CAPTURE.REFUNDED", partial.type());
        assertEquals("4.00", partial.resource().getJsonObject("amount").getString("value"));

        PaypalDouble.Event rest = fixture.paypal.refund(captureId, null);
        assertEquals("REFUNDED", fixture.paypal.capture(captureId).orElseThrow().getString("status"));
        assertEquals("6.00", rest.resource().getJsonObject("amount").getString("value"));
        assertEquals("purchase-42", rest.resource().getString("custom_id"));
    }

    @Test
    void foreignCaptureEventCarriesTheGivenFacts() {
        PaypalDouble.Event event = fixture.paypal.captureEvent(new PaypalDouble.CaptureFacts(
                "ORDERNOTMADEHERE1", null, null, "99.00", "EUR", "someone@else.test", null, "made-up", null));

        assertEquals("PAYMENT.CAPTURE.COMPLETED", event.type());
        assertEquals("99.00", event.resource().getJsonObject("amount").getString("value"));
        assertEquals(
                "someone@else.test", event.resource().getJsonObject("payee").getString("email_address"));
    }

    private static String issue(PaypalClient.Answer answer) {
        return answer.json().getJsonArray("details").getJsonObject(0).getString("issue");
    }
}
