package ppvchat.paypaldouble;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import ppvchat.paypaldouble.PaypalDouble.Delivery;
import ppvchat.paypaldouble.PaypalDouble.Event;
import ppvchat.paypaldouble.PaypalDouble.Forgery;
import ppvchat.paypaldouble.PaypalDouble.WebhookTiming;

/**
 * Posts webhook events to the receiver with PayPal's transmission headers: automatically in the
 * background with retries, or by hand for tests (once, many at once, or forged).
 */
final class WebhookSender implements AutoCloseable {

    static final String FOREIGN_CERT_URL = "https://certs.attacker.test/cert.pem";

    /** Writes an HTTP answer; the sender times the webhook around it. */
    interface AnswerWriter {
        void write() throws IOException;
    }

    private final String webhookId;
    private final String certUrl;
    private final WebhookSigner signer;
    private final Transmissions transmissions;
    private final DeliveryLog deliveryLog;
    private final Duration firstRetryDelay;
    private final int maxAttempts;
    private final Consumer<String> activityLog;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ExecutorService workers = Executors.newCachedThreadPool(daemonThreads("paypal-double-webhook"));
    private final ScheduledExecutorService retryTimer =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("paypal-double-retry"));
    private volatile URI target;
    private WebhookSigner foreignSigner;

    WebhookSender(
            PaypalDouble.Settings settings,
            String certUrl,
            WebhookSigner signer,
            Transmissions transmissions,
            DeliveryLog deliveryLog,
            Consumer<String> activityLog) {
        this.webhookId = settings.webhookId();
        this.certUrl = certUrl;
        this.signer = signer;
        this.transmissions = transmissions;
        this.deliveryLog = deliveryLog;
        this.firstRetryDelay = settings.firstRetryDelay();
        this.maxAttempts = settings.maxAttempts();
        this.activityLog = activityLog;
        this.target = settings.webhookUrl();
    }

    void target(URI webhookUrl) {
        this.target = webhookUrl;
    }

    URI target() {
        return target;
    }

    /** Delivers in the background, retrying until a 2xx or the last attempt. */
    void send(Event event) {
        submit(() -> attempt(event, 1));
    }

    /**
     * Writes an answer and sends the event it caused, in the order the timing asks for:
     * after the answer, or released together with it so that the two race.
     */
    void sendAround(Event event, WebhookTiming timing, AnswerWriter answer) throws IOException {
        if (event == null || timing == WebhookTiming.NONE) {
            answer.write();
            return;
        }
        if (timing == WebhookTiming.AFTER_RESPONSE) {
            try {
                answer.write();
            } finally {
                send(event);
            }
            return;
        }
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        boolean started = submit(() -> {
            ready.countDown();
            if (awaitQuietly(go)) {
                attempt(event, 1);
            }
        });
        if (started) {
            awaitQuietly(ready); // The delivery thread is parked at the gate, so both really start together.
        }
        go.countDown();
        answer.write();
    }

    /** One signed delivery now, on this thread; the HTTP status, or -1 when the receiver is unreachable. */
    int deliver(Event event) {
        return deliverOnce(event, requireTarget());
    }

    /** Deliveries released at the same instant from separate threads: duplicates racing each other. */
    List<Integer> deliverConcurrently(Event event, int times) {
        URI url = requireTarget();
        ExecutorService racers = Executors.newFixedThreadPool(times, daemonThreads("paypal-double-race"));
        try {
            CountDownLatch ready = new CountDownLatch(times);
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                statuses.add(CompletableFuture.supplyAsync(
                        () -> {
                            ready.countDown();
                            return awaitQuietly(go) ? deliverOnce(event, url) : -1;
                        },
                        racers));
            }
            awaitQuietly(ready);
            go.countDown();
            return statuses.stream().map(CompletableFuture::join).toList();
        } finally {
            racers.shutdown();
        }
    }

    int deliverForged(Event event, Forgery forgery) {
        URI url = requireTarget();
        String transmissionId = UUID.randomUUID().toString();
        String time = Timestamps.now().toString();
        String trueBody = event.json();
        return switch (forgery) {
                // Signed with the right key but over other text: valid base64 of the right length.
            case BAD_SIGNATURE -> post(
                    event,
                    url,
                    trueBody,
                    transmissionId,
                    time,
                    signer.sign(transmissionId, time, webhookId, trueBody + " "),
                    certUrl);
            case FOREIGN_CERT_URL -> post(
                    event,
                    url,
                    trueBody,
                    transmissionId,
                    time,
                    foreignSigner().sign(transmissionId, time, webhookId, trueBody),
                    FOREIGN_CERT_URL);
            case TAMPERED_BODY -> {
                // A real transmission altered on the way: PayPal knows the true body, the receiver gets another.
                transmissions.sent(transmissionId, trueBody);
                yield post(
                        event,
                        url,
                        tampered(event.body()).toString(),
                        transmissionId,
                        time,
                        signer.sign(transmissionId, time, webhookId, trueBody),
                        certUrl);
            }
        };
    }

    @Override
    public void close() {
        retryTimer.shutdownNow();
        workers.shutdownNow();
    }

    private void attempt(Event event, int attempt) {
        URI url = target;
        if (url == null) {
            return; // The receiver was taken away; PayPal would keep the event, and so does the event log.
        }
        int status = deliverOnce(event, url);
        if (!isSuccess(status) && attempt < maxAttempts) {
            try {
                retryTimer.schedule(
                        () -> submit(() -> attempt(event, attempt + 1)),
                        retryDelay(attempt).toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                // The double is closing: no more retries.
            }
        }
    }

    /** Doubles after each failure, up to sixteen times the first delay. */
    private Duration retryDelay(int failedAttempts) {
        int doublings = Math.min(failedAttempts - 1, 4);
        return firstRetryDelay.multipliedBy(1L << doublings);
    }

    private int deliverOnce(Event event, URI url) {
        String transmissionId = UUID.randomUUID().toString();
        String time = Timestamps.now().toString();
        String body = event.json();
        String signature = signer.sign(transmissionId, time, webhookId, body);
        transmissions.sent(transmissionId, body);
        return post(event, url, body, transmissionId, time, signature, certUrl);
    }

    private int post(
            Event event,
            URI url,
            String body,
            String transmissionId,
            String time,
            String signature,
            String certificateUrl) {
        int attempt = deliveryLog.nextAttempt(event.id());
        Instant at = Instant.now();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("PAYPAL-TRANSMISSION-ID", transmissionId)
                .header("PAYPAL-TRANSMISSION-TIME", time)
                .header("PAYPAL-TRANSMISSION-SIG", signature)
                .header("PAYPAL-CERT-URL", certificateUrl)
                .header("PAYPAL-AUTH-ALGO", WebhookSigner.AUTH_ALGO)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        deliveryLog.record(new Delivery(event.id(), event.type(), transmissionId, attempt, status, at));
        activityLog.accept("webhook " + event.type() + " " + event.id() + " attempt " + attempt + " -> " + status);
        return status;
    }

    /** The same event with the money changed to 1000.00, wherever the resource keeps its amount. */
    static JsonObject tampered(JsonObject body) {
        JsonObject resource = JsonSupport.child(body, "resource");
        if (resource == null) {
            resource = JsonSupport.object().build();
        }
        JsonObject changed;
        if (JsonSupport.child(resource, "amount") != null) {
            changed = withValue(resource, "amount");
        } else if (JsonSupport.child(resource, "dispute_amount") != null) {
            changed = withValue(resource, "dispute_amount");
        } else if (resource.get("purchase_units") instanceof JsonArray units
                && !units.isEmpty()
                && units.get(0) instanceof JsonObject unit
                && JsonSupport.child(unit, "amount") != null) {
            changed = JsonSupport.object(resource)
                    .add("purchase_units", JsonSupport.array().add(withValue(unit, "amount")))
                    .build();
        } else {
            changed = JsonSupport.object(resource)
                    .add("amount", new Money("USD", "1000.00").toJson())
                    .build();
        }
        return JsonSupport.object(body).add("resource", changed).build();
    }

    private static JsonObject withValue(JsonObject holder, String amountField) {
        JsonObject amount = JsonSupport.object(JsonSupport.child(holder, amountField))
                .add("value", "1000.00")
                .build();
        return JsonSupport.object(holder).add(amountField, amount).build();
    }

    private synchronized WebhookSigner foreignSigner() {
        if (foreignSigner == null) {
            foreignSigner = WebhookSigner.withNewKey();
        }
        return foreignSigner;
    }

    private URI requireTarget() {
        URI url = target;
        if (url == null) {
            throw new IllegalStateException("No webhook URL: call deliverTo(URI) first.");
        }
        return url;
    }

    private boolean submit(Runnable task) {
        try {
            workers.execute(task);
            return true;
        } catch (RejectedExecutionException closed) {
            return false; // The double is closing: automatic deliveries stop with it.
        }
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
