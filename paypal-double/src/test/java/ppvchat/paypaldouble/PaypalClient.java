package ppvchat.paypaldouble;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What the application under test would do against PayPal's REST API, written out plainly. */
final class PaypalClient {

    record Answer(int status, JsonObject json, String text, HttpHeaders headers) {}

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String baseUrl;
    private String token;

    PaypalClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Answer token(String clientId, String clientSecret) {
        String basic =
                Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    }

    PaypalClient signIn(String clientId, String clientSecret) {
        Answer answer = token(clientId, clientSecret);
        if (answer.status() != 200) {
            throw new IllegalStateException("No token: " + answer.text());
        }
        token = answer.json().getString("access_token");
        return this;
    }

    Answer post(String path, String json, String requestId) {
        HttpRequest.Builder request = authorized(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (requestId != null) {
            request.header("PayPal-Request-Id", requestId);
        }
        return send(request);
    }

    Answer get(String path) {
        return send(authorized(path).GET());
    }

    /** A browser's form POST (no token): the checkout page's buttons. */
    Answer form(String path, String encodedForm) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encodedForm)));
    }

    Answer page(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET());
    }

    Answer createOrder(String value, String requestId) {
        return post("/v2/checkout/orders", orderJson(value), requestId);
    }

    Answer capture(String orderId, String requestId) {
        return post("/v2/checkout/orders/" + orderId + "/capture", "{}", requestId);
    }

    static String orderJson(String value) {
        return """
                {"intent":"CAPTURE",
                 "purchase_units":[{"reference_id":"room-7","custom_id":"purchase-42","invoice_id":"INV-42",
                   "description":"30 minutes of chat","amount":{"currency_code":"USD","value":"%s"},
                   "payee":{"email_address":"performer@example.test"}}],
                 "payment_source":{"paypal":{"experience_context":{
                   "return_url":"https://ppv.example.test/paypal/return?room=7",
                   "cancel_url":"https://ppv.example.test/paypal/cancel",
                   "brand_name":"PPV Chat","user_action":"PAY_NOW","shipping_preference":"NO_SHIPPING"}}}}
                """
                .formatted(value);
    }

    private HttpRequest.Builder authorized(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonObject json = null;
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                JsonValue value = JsonSupport.parse(text);
                json = value instanceof JsonObject o ? o : null;
            }
            return new Answer(response.statusCode(), json, text, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
