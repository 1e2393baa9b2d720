package ppvchat.payments.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * PayPal's REST API: an OAuth2 token (cached until shortly before it expires), Orders v2 and webhook
 * verification. Calls that change something carry a PayPal-Request-Id, so the bounded retries on a
 * failure of PayPal's (5xx, timeout, no connection) never create or capture twice.
 */
@ApplicationScoped
public class PaypalApi {

    private static final Logger LOG = Logger.getLogger(PaypalApi.class.getName());
    private static final long[] RETRY_MILLIS = {250, 1000};

    @Inject
    PaypalSettings settings;

    private volatile HttpClient http;
    private volatile String token;
    private volatile Instant tokenExpires = Instant.EPOCH;

    public PaypalAnswer createOrder(String requestId, JsonObject order) throws PaypalDown, PaypalRefused {
        return call("POST", "/v2/checkout/orders", requestId, order.toString());
    }

    public PaypalAnswer captureOrder(String paypalOrderId, String requestId) throws PaypalDown, PaypalRefused {
        return call("POST", "/v2/checkout/orders/" + pathSegment(paypalOrderId) + "/capture", requestId, "{}");
    }

    public PaypalAnswer order(String paypalOrderId) throws PaypalDown, PaypalRefused {
        return call("GET", "/v2/checkout/orders/" + pathSegment(paypalOrderId), null, null);
    }

    /**
     * Asks PayPal whether a delivery is genuine. The event goes back exactly as it arrived (spliced in as
     * text, never re-serialized), since PayPal checks the signature over the bytes it sent.
     */
    public boolean verify(WebhookHeaders headers, String webhookId, String rawEvent) throws PaypalDown, PaypalRefused {
        String request = "{\"auth_algo\":" + quoted(headers.authAlgo())
                + ",\"cert_url\":" + quoted(headers.certUrl())
                + ",\"transmission_id\":" + quoted(headers.transmissionId())
                + ",\"transmission_sig\":" + quoted(headers.transmissionSig())
                + ",\"transmission_time\":" + quoted(headers.transmissionTime())
                + ",\"webhook_id\":" + quoted(webhookId)
                + ",\"webhook_event\":" + rawEvent + "}";
        PaypalAnswer answer = call("POST", "/v1/notifications/verify-webhook-signature", null, request);
        return "SUCCESS".equals(answer.json().getString("verification_status", ""));
    }

    private PaypalAnswer call(String method, String path, String requestId, String body)
            throws PaypalDown, PaypalRefused {
        String failure = "no attempt";
        for (int attempt = 0; attempt <= RETRY_MILLIS.length; attempt++) {
            if (attempt > 0) {
                pause(RETRY_MILLIS[attempt - 1]);
            }
            try {
                HttpResponse<String> response = send(method, path, requestId, body, bearer());
                if (response.statusCode() == 401) {
                    token = null; // expired early or revoked: one fresh token, then the same call again
                    response = send(method, path, requestId, body, bearer());
                }
                PaypalAnswer answer = new PaypalAnswer(response.statusCode(), response.body(), parsed(response.body()));
                if (response.statusCode() < 300) {
                    return answer;
                }
                if (response.statusCode() < 500 && response.statusCode() != 429) {
                    throw new PaypalRefused(answer);
                }
                failure = "HTTP " + response.statusCode() + " " + answer.issue();
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PaypalDown("interrupted");
            }
            String failed = failure;
            int tried = attempt + 1;
            LOG.warning(() -> "PayPal " + method + " " + path + " failed (attempt " + tried + "): " + failed);
        }
        throw new PaypalDown("PayPal did not answer " + method + " " + path + ": " + failure);
    }

    private HttpResponse<String> send(String method, String path, String requestId, String body, String bearer)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json")
                .header("Prefer", "return=representation");
        if (requestId != null) {
            request.header("PayPal-Request-Id", requestId);
        }
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return client().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A valid access token, fetched with the client credentials when there is none or it is about to expire. */
    private String bearer() throws IOException, InterruptedException {
        String current = token;
        if (current != null && Instant.now().isBefore(tokenExpires)) {
            return current;
        }
        synchronized (this) {
            if (token != null && Instant.now().isBefore(tokenExpires)) {
                return token;
            }
            String credentials = settings.clientId() + ":" + settings.clientSecret();
            HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/v1/oauth2/token"))
                    .timeout(settings.timeout())
                    .header(
                            "Authorization",
                            "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "grant_type=" + URLEncoder.encode("client_credentials", StandardCharsets.UTF_8)))
                    .build();
            HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("PayPal refused the client credentials (HTTP " + response.statusCode() + ")");
            }
            JsonObject answer = parsed(response.body());
            token = answer.getString("access_token");
            long lifetime = answer.getJsonNumber("expires_in").longValue();
            tokenExpires = Instant.now().plusSeconds(Math.max(0, lifetime - 120));
            return token;
        }
    }

    private HttpClient client() {
        HttpClient current = http;
        if (current == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder()
                            .connectTimeout(settings.timeout())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                }
                current = http;
            }
        }
        return current;
    }

    private static JsonObject parsed(String body) throws IOException {
        if (body == null || body.isBlank()) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IOException("PayPal answered something that is not a JSON object");
        }
    }

    private static String quoted(String value) {
        return value == null ? "null" : Json.createValue(value).toString();
    }

    private static String pathSegment(String id) {
        if (!id.matches("[A-Za-z0-9-]{1,36}")) {
            throw new IllegalArgumentException("not a PayPal id: " + id);
        }
        return id;
    }

    private static void pause(long millis) throws PaypalDown {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaypalDown("interrupted");
        }
    }
}
