package ppvchat.paypaldouble;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A PayPal double for tests and the demo: a small HTTP server on 127.0.0.1 that plays PayPal's
 * side of Orders v2 (OAuth2 token, create, approve, capture) and sends signed webhooks, with
 * Java methods for what a test needs to script (failures, outcomes, refunds, disputes, forged
 * deliveries).
 */
public final class PaypalDouble implements AutoCloseable {

    /**
     * How to start the double. Webhook retries start after firstRetryDelay and double each time
     * (up to sixteen times that), for at most maxAttempts attempts in all.
     */
    public record Settings(
            int port,
            String clientId,
            String clientSecret,
            String webhookId,
            URI webhookUrl,
            Duration firstRetryDelay,
            int maxAttempts) {

        public Settings {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 (any free port) to 65535, not " + port);
            }
            requireText(clientId, "clientId");
            requireText(clientSecret, "clientSecret");
            requireText(webhookId, "webhookId");
            requireHttp(webhookUrl);
            Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
            if (firstRetryDelay.isNegative() || firstRetryDelay.isZero() || maxAttempts < 1) {
                throw new IllegalArgumentException("Need a positive retry delay and at least one attempt");
            }
        }

        /** PayPal's own rhythm, shortened: 2 s, then doubling, 25 attempts. */
        public Settings(int port, String clientId, String clientSecret, String webhookId, URI webhookUrl) {
            this(port, clientId, clientSecret, webhookId, webhookUrl, Duration.ofSeconds(2), 25);
        }

        public Settings withWebhookRetries(Duration firstRetryDelay, int maxAttempts) {
            return new Settings(port, clientId, clientSecret, webhookId, webhookUrl, firstRetryDelay, maxAttempts);
        }

        @Override
        public String toString() {
            // Never print the secret.
            return "Settings[port=" + port + ", clientId=" + clientId + ", webhookId=" + webhookId + ", webhookUrl="
                    + webhookUrl + ", firstRetryDelay=" + firstRetryDelay + ", maxAttempts=" + maxAttempts + "]";
        }
    }

    /** What the next capture turns out to be. */
    public enum CaptureOutcome {
        COMPLETED,
        PENDING,
        DECLINED
    }

    /** When the webhook caused by an HTTP answer (capture, approval) leaves. */
    public enum WebhookTiming {
        /** Queued once the answer is written: the usual order. */
        AFTER_RESPONSE,
        /** Started on another thread the moment the answer is written, so the two race. */
        CONCURRENT,
        /** Nothing is sent automatically; tests deliver by hand. */
        NONE
    }

    /** Ways a webhook delivery can be forged. */
    public enum Forgery {
        /** Valid-looking base64 that does not verify. */
        BAD_SIGNATURE,
        /** PAYPAL-CERT-URL on another host, signed with another key. */
        FOREIGN_CERT_URL,
        /** Signed over the true body, but the body sent has its amount changed to 1000.00. */
        TAMPERED_BODY
    }

    /** A webhook event. Its JSON text is body.toString(), the same on every delivery. */
    public record Event(String id, String type, JsonObject body) {

        public Event {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(body, "body");
        }

        /** The exact text sent, signed and later compared by the verify endpoint. */
        public String json() {
            return body.toString();
        }

        public JsonObject resource() {
            return body.getJsonObject("resource");
        }
    }

    /** One delivery attempt; status is the receiver's HTTP status, or -1 when it could not be reached. */
    public record Delivery(
            String eventId, String eventType, String transmissionId, int attempt, int status, Instant at) {}

    /**
     * A capture PayPal reports without an order made through this double: to test wrong payee,
     * amount, currency or made-up references. captureId null makes a new id; status null is COMPLETED.
     */
    public record CaptureFacts(
            String orderId,
            String captureId,
            String status,
            String value,
            String currency,
            String payeeEmail,
            String payeeMerchantId,
            String customId,
            String invoiceId) {}

    private static final String CERT_PATH = "/v1/notifications/certs/CERT-ppv-double";

    private final Settings settings;
    private final HttpServer server;
    private final ExecutorService serverThreads;
    private final String baseUrl;
    private final PaymentRecords records;
    private final WebhookEvents events;
    private final DeliveryLog deliveryLog = new DeliveryLog();
    private final WebhookSender sender;
    private final ApiGuard guard;
    private final ScriptedFailures failures = new ScriptedFailures();
    private volatile WebhookTiming webhookTiming = WebhookTiming.AFTER_RESPONSE;

    private PaypalDouble(Settings settings, HttpServer server, Consumer<String> activityLog) {
        this.settings = settings;
        this.server = server;
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.records = new PaymentRecords(baseUrl);
        this.events = new WebhookEvents(baseUrl);
        WebhookSigner signer = WebhookSigner.withNewKey();
        Transmissions transmissions = new Transmissions();
        this.sender = new WebhookSender(settings, certUrl(), signer, transmissions, deliveryLog, activityLog);
        AccessTokens tokens = new AccessTokens(settings.clientId(), settings.clientSecret());
        this.guard = new ApiGuard(failures, tokens);

        OrdersEndpoint orders = new OrdersEndpoint(this);
        PaymentsEndpoint payments = new PaymentsEndpoint(this);
        CheckoutPage checkout = new CheckoutPage(this);
        Dashboard dashboard = new Dashboard(this);
        String publicKeyPem = signer.publicKeyPem();
        String id = "([A-Za-z0-9-]+)";
        Router router = new Router(activityLog)
                .on("POST", "/v1/oauth2/token", new TokenEndpoint(guard, tokens))
                .on("POST", "/v2/checkout/orders", orders::create)
                .on("GET", "/v2/checkout/orders/" + id, orders::get)
                .on("POST", "/v2/checkout/orders/" + id + "/capture", orders::capture)
                .on("GET", "/v2/payments/captures/" + id, payments::capture)
                .on("GET", "/v2/payments/refunds/" + id, payments::refund)
                .on("GET", "/v1/notifications/webhooks-events/" + id, payments::event)
                .on(
                        "POST",
                        "/v1/notifications/verify-webhook-signature",
                        new VerifyWebhookSignatureEndpoint(
                                guard, settings.webhookId(), certUrl(), signer, transmissions))
                // Public, as PayPal's certificate URLs are: receivers that verify locally fetch it without a token.
                .on("GET", CERT_PATH, (exchange, p) -> Exchanges.text(exchange, 200, publicKeyPem))
                .on("GET", "/checkoutnow", checkout::show)
                .on("POST", "/checkoutnow/approve", checkout::approve)
                .on("POST", "/checkoutnow/cancel", checkout::cancel)
                .on("GET", "/", dashboard::show)
                .on("POST", "/dashboard/([a-z-]+)", dashboard::act);
        var context = server.createContext("/", router);
        context.getFilters().add(new RequestLog(activityLog));
        this.serverThreads = Executors.newCachedThreadPool(WebhookSender.daemonThreads("paypal-double-http"));
        server.setExecutor(serverThreads);
    }

    /** Starts on 127.0.0.1, quietly. */
    public static PaypalDouble start(Settings settings) {
        return start(settings, line -> {});
    }

    /** Starts on 127.0.0.1; activityLog gets one line per request and per webhook delivery (no secrets). */
    public static PaypalDouble start(Settings settings, Consumer<String> activityLog) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(activityLog, "activityLog");
        try {
            HttpServer server =
                    HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), settings.port()), 0);
            PaypalDouble paypal = new PaypalDouble(settings, server, activityLog);
            server.start();
            return paypal;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + settings.port(), e);
        }
    }

    /** "http://127.0.0.1:port", where the REST API, the checkout page and the dashboard are. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The PAYPAL-CERT-URL of genuine deliveries. */
    public String certUrl() {
        return baseUrl + CERT_PATH;
    }

    public Settings settings() {
        return settings;
    }

    /** Sets or replaces the webhook target; null stops deliveries (events are still recorded). */
    public void deliverTo(URI webhookUrl) {
        requireHttp(webhookUrl);
        sender.target(webhookUrl);
    }

    @Override
    public void close() {
        server.stop(0);
        serverThreads.shutdownNow();
        sender.close();
    }

    // ---- Scripting ----

    /** The next times calls of operation (token, create, get, capture, verify) answer status and do nothing. */
    public void failNext(String operation, int times, int status) {
        failures.failNext(operation, times, status);
    }

    /** Applies to the next capture only; later captures are COMPLETED again. */
    public void nextCaptureOutcome(CaptureOutcome outcome) {
        records.nextCaptureOutcome(Objects.requireNonNull(outcome, "outcome"));
    }

    public void webhookTiming(WebhookTiming timing) {
        this.webhookTiming = Objects.requireNonNull(timing, "timing");
    }

    // ---- The buyer and PayPal's later actions ----

    /**
     * What pressing "Pay now" does: the order becomes APPROVED and CHECKOUT.ORDER.APPROVED is sent.
     * Returns the return URL with token and PayerID. Throws NoSuchElementException for an unknown
     * order, IllegalStateException for a captured one.
     */
    public String approve(String orderId) {
        PaymentRecords.Approval approval = records.approve(orderId);
        sendAutomatically(events.orderApproved(approval.order()));
        return approval.redirectUrl();
    }

    /** A PENDING capture becomes COMPLETED; sends PAYMENT.CAPTURE.COMPLETED. */
    public Event completePending(String captureId) {
        return sendAutomatically(events.capture(records.completePending(captureId)));
    }

    /** Refunds amount (e.g. "2.50"; null = all that is left); sends PAYMENT.CAPTURE.REFUNDED with the refund. */
    public Event refund(String captureId, String amountOrNullForFull) {
        return sendAutomatically(events.refunded(records.refund(captureId, amountOrNullForFull)));
    }

    /** The whole amount is taken back (capture REVERSED); sends PAYMENT.CAPTURE.REVERSED. */
    public Event reverse(String captureId) {
        return sendAutomatically(events.reversed(records.reverse(captureId)));
    }

    /** Opens a chargeback; the event's resource carries dispute_id. */
    public Event openDispute(String captureId) {
        return sendAutomatically(events.disputeCreated(records.openDispute(captureId)));
    }

    /** outcomeCode such as RESOLVED_SELLER_FAVOUR or RESOLVED_BUYER_FAVOUR. */
    public Event resolveDispute(String disputeId, String outcomeCode) {
        Objects.requireNonNull(outcomeCode, "outcomeCode");
        return sendAutomatically(events.disputeResolved(records.resolveDispute(disputeId, outcomeCode)));
    }

    /**
     * A PAYMENT.CAPTURE.(facts.status) event for a capture made elsewhere. It is recorded (GET of
     * a new capture id agrees with it) but not sent: deliver it with deliver(Event).
     */
    public Event captureEvent(CaptureFacts facts) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(facts.value(), "facts.value");
        Objects.requireNonNull(facts.currency(), "facts.currency");
        return events.capture(records.foreignCapture(facts));
    }

    // ---- Looking ----

    public Optional<JsonObject> order(String orderId) {
        return records.order(orderId);
    }

    /** The capture as GET /v2/payments/captures/{id} answers it. */
    public Optional<JsonObject> capture(String captureId) {
        return records.capture(captureId);
    }

    /** The order's capture id, or null before capture. Throws NoSuchElementException for an unknown order. */
    public String captureIdOf(String orderId) {
        return records.captureIdOf(orderId);
    }

    /** The latest event of that type, or null. */
    public Event lastEvent(String type) {
        return events.last(type);
    }

    public List<Event> events() {
        return events.all();
    }

    // ---- Delivering by hand ----

    /** One more genuine, signed delivery now; the HTTP status, or -1 when the receiver is unreachable. */
    public int deliver(Event event) {
        return sender.deliver(event);
    }

    /** times genuine deliveries released at the same instant from separate threads; their statuses in order. */
    public List<Integer> deliverConcurrently(Event event, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        return sender.deliverConcurrently(event, times);
    }

    /** One forged delivery; the verify endpoint answers FAILURE for it. */
    public int deliverForged(Event event, Forgery forgery) {
        return sender.deliverForged(event, Objects.requireNonNull(forgery, "forgery"));
    }

    /** Every delivery attempt so far, automatic, by hand and forged, in the order they finished. */
    public List<Delivery> deliveries() {
        return deliveryLog.all();
    }

    /** Waits until count attempts for the event have finished; throws AssertionError after timeout. */
    public void awaitDeliveries(String eventId, int count, Duration timeout) {
        deliveryLog.await(eventId, count, timeout);
    }

    // ---- For the endpoints ----

    PaymentRecords records() {
        return records;
    }

    WebhookEvents webhookEvents() {
        return events;
    }

    WebhookSender sender() {
        return sender;
    }

    ApiGuard guard() {
        return guard;
    }

    WebhookTiming webhookTiming() {
        return webhookTiming;
    }

    private Event sendAutomatically(Event event) {
        if (webhookTiming != WebhookTiming.NONE) {
            sender.send(event);
        }
        return event;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static void requireHttp(URI url) {
        if (url != null && !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("The webhook URL must be http or https: " + url);
        }
    }
}
