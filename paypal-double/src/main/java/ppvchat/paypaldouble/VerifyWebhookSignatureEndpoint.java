package ppvchat.paypaldouble;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * POST /v1/notifications/verify-webhook-signature: SUCCESS only for a transmission the double
 * really sent, unchanged, signed with its key, for the configured webhook.
 */
final class VerifyWebhookSignatureEndpoint implements Router.Action {

    private static final List<String> TEXT_FIELDS =
            List.of("auth_algo", "cert_url", "transmission_id", "transmission_sig", "transmission_time", "webhook_id");

    private final ApiGuard guard;
    private final String webhookId;
    private final String certUrl;
    private final WebhookSigner signer;
    private final Transmissions transmissions;

    VerifyWebhookSignatureEndpoint(
            ApiGuard guard, String webhookId, String certUrl, WebhookSigner signer, Transmissions transmissions) {
        this.guard = guard;
        this.webhookId = webhookId;
        this.certUrl = certUrl;
        this.signer = signer;
        this.transmissions = transmissions;
    }

    @Override
    public void handle(HttpExchange exchange, List<String> pathParameters) throws IOException {
        guard.admit(exchange, "verify");
        JsonValue parsed = OrdersEndpoint.parse(Exchanges.body(exchange));
        if (!(parsed instanceof JsonObject request)) {
            throw ApiError.malformedJson();
        }
        for (String field : TEXT_FIELDS) {
            if (!(request.get(field) instanceof JsonString s) || s.getString().isEmpty()) {
                throw ApiError.validation("/" + field, field + " is required.");
            }
        }
        if (!(request.get("webhook_event") instanceof JsonObject event)) {
            throw ApiError.validation("/webhook_event", "webhook_event is required.");
        }
        String status = verified(request, event) ? "SUCCESS" : "FAILURE";
        Exchanges.json(
                exchange,
                200,
                JsonSupport.object().add("verification_status", status).build());
    }

    private boolean verified(JsonObject request, JsonObject event) {
        String transmissionId = request.getString("transmission_id");
        String requestWebhookId = request.getString("webhook_id");
        if (!webhookId.equals(requestWebhookId)
                || !WebhookSigner.AUTH_ALGO.equals(request.getString("auth_algo"))
                || !certUrl.equals(request.getString("cert_url"))) {
            return false;
        }
        Optional<String> sentBody = transmissions.body(transmissionId);
        if (sentBody.isEmpty() || !JsonSupport.parse(sentBody.get()).equals(event)) {
            return false;
        }
        return signer.verifies(
                request.getString("transmission_sig"),
                transmissionId,
                request.getString("transmission_time"),
                requestWebhookId,
                sentBody.get());
    }
}
