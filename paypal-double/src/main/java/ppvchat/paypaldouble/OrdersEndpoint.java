package ppvchat.paypaldouble;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.List;
import ppvchat.paypaldouble.PaypalDouble.Event;

/** Orders v2: create, get and capture. */
final class OrdersEndpoint {

    private final PaypalDouble paypal;

    OrdersEndpoint(PaypalDouble paypal) {
        this.paypal = paypal;
    }

    void create(HttpExchange exchange, List<String> pathParameters) throws IOException {
        paypal.guard().admit(exchange, "create");
        OrderRequest request = OrderRequest.parse(parse(Exchanges.body(exchange)));
        PaymentRecords.Answer answer = paypal.records().createOrder(request, ApiGuard.requestId(exchange));
        Exchanges.json(exchange, answer.status(), answer.body());
    }

    void get(HttpExchange exchange, List<String> pathParameters) throws IOException {
        paypal.guard().admit(exchange, "get");
        var order = paypal.records()
                .order(pathParameters.get(0))
                .orElseThrow(() -> ApiError.notFound(
                        "Specified resource ID does not exist. Please check the resource ID and try again."));
        Exchanges.json(exchange, 200, order);
    }

    void capture(HttpExchange exchange, List<String> pathParameters) throws IOException {
        paypal.guard().admit(exchange, "capture");
        String body = Exchanges.body(exchange);
        if (!body.isBlank()) {
            parse(body); // PayPal takes an empty body or {}; anything else must at least be JSON.
        }
        PaymentRecords.CaptureAnswer captured =
                paypal.records().capture(pathParameters.get(0), ApiGuard.requestId(exchange));
        Event event = captured.captureResource() == null
                ? null
                : paypal.webhookEvents().capture(captured.captureResource());
        PaymentRecords.Answer answer = captured.answer();
        paypal.sender()
                .sendAround(
                        event, paypal.webhookTiming(), () -> Exchanges.json(exchange, answer.status(), answer.body()));
    }

    static JsonValue parse(String body) {
        try {
            return JsonSupport.parse(body);
        } catch (JsonException e) {
            throw ApiError.malformedJson();
        }
    }
}
