package ppvchat.paypaldouble;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;

/** GET /v2/payments/captures/{id} and /v2/payments/refunds/{id}: how they stand now. */
final class PaymentsEndpoint {

    private final PaypalDouble paypal;

    PaymentsEndpoint(PaypalDouble paypal) {
        this.paypal = paypal;
    }

    void capture(HttpExchange exchange, List<String> pathParameters) throws IOException {
        paypal.guard().admit(exchange, "get");
        var capture = paypal.records()
                .capture(pathParameters.get(0))
                .orElseThrow(() -> ApiError.notFound("Specified resource ID does not exist."));
        Exchanges.json(exchange, 200, capture);
    }

    void refund(HttpExchange exchange, List<String> pathParameters) throws IOException {
        paypal.guard().admit(exchange, "get");
        var refund = paypal.records()
                .refund(pathParameters.get(0))
                .orElseThrow(() -> ApiError.notFound("Specified resource ID does not exist."));
        Exchanges.json(exchange, 200, refund);
    }

    void event(HttpExchange exchange, List<String> pathParameters) throws IOException {
        paypal.guard().admit(exchange, "get");
        String eventId = pathParameters.get(0);
        var event = paypal.events().stream()
                .filter(e -> e.id().equals(eventId))
                .findFirst()
                .orElseThrow(() -> ApiError.notFound("Specified resource ID does not exist."));
        Exchanges.json(exchange, 200, event.body());
    }
}
