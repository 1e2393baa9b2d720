package ppvchat.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import ppvchat.tenancy.control.RequestSignature;

/**
 * Calls the product's client never makes: unsigned, wrongly signed, stale, tampered or malformed. Each is sent
 * once, without retries, and answers its status and body.
 */
final class RawCall {

    record Answer(int status, String body) {
        boolean isJsonError() {
            return body != null && body.strip().startsWith("{") && body.contains("\"error\"");
        }

        /** The status and, shortened, the body: enough to say why a check failed. */
        String brief() {
            String text = body == null ? "" : body.replaceAll("\\s+", " ");
            return status + " " + (text.length() > 120 ? text.substring(0, 120) + "…" : text);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final Options options;

    RawCall(Options options) {
        this.options = options;
    }

    Answer unsigned(String call, String body) {
        return send(call, body, null, null, true);
    }

    /** Signed with {@code secret} at {@code timestamp} over {@code signedBody}, sending {@code sentBody}. */
    Answer signed(String call, String sentBody, String signedBody, String secret, Instant timestamp) {
        long seconds = timestamp.getEpochSecond();
        String signature = RequestSignature.sign(secret, seconds, signedBody.getBytes(StandardCharsets.UTF_8));
        return send(call, sentBody, Long.toString(seconds), signature, true);
    }

    Answer signed(String call, String body) {
        return signed(call, body, body, options.secret(), Instant.now());
    }

    private Answer send(String call, String body, String timestamp, String signature, boolean withSite) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/" + call))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header(RequestSignature.IDEMPOTENCY_HEADER, UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (withSite) {
            request.header(RequestSignature.SITE_HEADER, options.site());
        }
        if (timestamp != null) {
            request.header(RequestSignature.TIMESTAMP_HEADER, timestamp);
            request.header(RequestSignature.SIGNATURE_HEADER, signature);
        }
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.body());
        } catch (IOException e) {
            return new Answer(0, "no answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }

    private String base() {
        String url = options.url();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
