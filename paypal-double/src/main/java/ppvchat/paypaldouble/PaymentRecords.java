package ppvchat.paypaldouble;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import ppvchat.paypaldouble.PaypalDouble.CaptureFacts;
import ppvchat.paypaldouble.PaypalDouble.CaptureOutcome;

/**
 * Everything the double's PayPal account knows: orders, captures, refunds, disputes and the
 * answers kept for PayPal-Request-Id. One lock, because a capture must be all-or-nothing
 * against a concurrent capture of the same order. Methods return JSON snapshots, never the
 * mutable objects.
 */
final class PaymentRecords {

    /** An HTTP answer kept so that a repeated PayPal-Request-Id gets it again. */
    record Answer(int status, JsonObject body) {}

    /** A new capture's answer and the capture as its webhook carries it (null when replayed). */
    record CaptureAnswer(Answer answer, JsonObject captureResource) {}

    /** Where the buyer goes after "Pay now", and the approved order for the webhook. */
    record Approval(String redirectUrl, JsonObject order) {}

    private final String baseUrl;
    private final Payer buyer = Payer.buyer(Ids.payerId());
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<String, Capture> captures = new LinkedHashMap<>();
    private final Map<String, Refund> refunds = new HashMap<>();
    private final Map<String, Dispute> disputes = new LinkedHashMap<>();
    private final Map<String, Answer> createAnswers = new HashMap<>();
    private final Map<String, Answer> captureAnswers = new HashMap<>();
    private CaptureOutcome nextCaptureOutcome = CaptureOutcome.COMPLETED;

    PaymentRecords(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    synchronized Answer createOrder(OrderRequest request, String requestId) {
        if (requestId != null && createAnswers.containsKey(requestId)) {
            Answer first = createAnswers.get(requestId);
            return new Answer(200, first.body());
        }
        Order order = new Order(uniqueId(orders), request);
        orders.put(order.id, order);
        Answer answer = new Answer(201, order.createResponse(baseUrl));
        if (requestId != null) {
            createAnswers.put(requestId, answer);
        }
        return answer;
    }

    synchronized Optional<JsonObject> order(String orderId) {
        return Optional.ofNullable(orders.get(orderId)).map(o -> o.toJson(baseUrl));
    }

    /** What "Pay now" does. Throws NoSuchElementException or IllegalStateException (already captured). */
    synchronized Approval approve(String orderId) {
        Order order = existingOrder(orderId);
        if (Order.COMPLETED.equals(order.status)) {
            throw new IllegalStateException("Order " + orderId + " is already captured.");
        }
        order.status = Order.APPROVED;
        order.payer = buyer;
        order.updateTime = Timestamps.now();
        String redirect = withQuery(order.request.returnUrl(), "token=" + orderId + "&PayerID=" + buyer.payerId());
        return new Approval(redirect, order.toJson(baseUrl));
    }

    /** Where "Cancel and return" goes; null when the order gave no cancel URL. */
    synchronized String cancelRedirect(String orderId) {
        Order order = existingOrder(orderId);
        if (Order.COMPLETED.equals(order.status)) {
            throw new IllegalStateException("Order " + orderId + " is already captured.");
        }
        String cancelUrl = order.request.cancelUrl();
        return cancelUrl == null ? null : withQuery(cancelUrl, "token=" + orderId);
    }

    synchronized CaptureAnswer capture(String orderId, String requestId) {
        Order order = orders.get(orderId);
        if (order == null) {
            throw ApiError.notFound(
                    "Specified resource ID does not exist. Please check the resource ID and try again.");
        }
        String replayKey = requestId == null ? null : orderId + " " + requestId;
        if (replayKey != null && captureAnswers.containsKey(replayKey)) {
            return new CaptureAnswer(captureAnswers.get(replayKey), null);
        }
        if (Order.COMPLETED.equals(order.status)) {
            throw ApiError.unprocessable(
                    "ORDER_ALREADY_CAPTURED",
                    null,
                    "Order already captured. If 'intent=CAPTURE' only one capture " + "per order is allowed.");
        }
        if (!Order.APPROVED.equals(order.status)) {
            throw ApiError.unprocessable(
                    "ORDER_NOT_APPROVED",
                    null,
                    "Payer has not yet approved the Order for payment. Please redirect the payer to the "
                            + "'rel':'approve' url returned as part of the HATEOAS links within the Create Order call.");
        }
        OrderRequest unit = order.request;
        Capture capture = new Capture(
                uniqueId(captures),
                orderId,
                unit.amount(),
                unit.payee(),
                unit.customId(),
                unit.invoiceId(),
                nextCaptureOutcome.name());
        nextCaptureOutcome = CaptureOutcome.COMPLETED;
        captures.put(capture.id, capture);
        // PayPal completes the order even when the capture itself is pending or declined.
        order.capture = capture;
        order.status = Order.COMPLETED;
        order.updateTime = capture.createTime;
        Answer answer = new Answer(201, order.toJson(baseUrl));
        if (replayKey != null) {
            captureAnswers.put(replayKey, answer);
        }
        return new CaptureAnswer(answer, capture.toResourceJson(baseUrl));
    }

    synchronized void nextCaptureOutcome(CaptureOutcome outcome) {
        nextCaptureOutcome = outcome;
    }

    synchronized CaptureOutcome nextCaptureOutcome() {
        return nextCaptureOutcome;
    }

    /** The capture as GET /v2/payments/captures answers it. */
    synchronized Optional<JsonObject> capture(String captureId) {
        return Optional.ofNullable(captures.get(captureId)).map(c -> c.toResourceJson(baseUrl));
    }

    synchronized Optional<JsonObject> refund(String refundId) {
        return Optional.ofNullable(refunds.get(refundId)).map(r -> r.toJson(baseUrl));
    }

    synchronized String captureIdOf(String orderId) {
        Capture capture = existingOrder(orderId).capture;
        return capture == null ? null : capture.id;
    }

    synchronized JsonObject completePending(String captureId) {
        Capture capture = existingCapture(captureId);
        requireStatus(capture, Capture.PENDING);
        capture.status = Capture.COMPLETED;
        capture.pendingReason = null;
        capture.updateTime = Timestamps.now();
        return capture.toResourceJson(baseUrl);
    }

    /** Refunds value (null = all that is left) and returns the refund. */
    synchronized JsonObject refund(String captureId, String value) {
        Capture capture = existingCapture(captureId);
        if (!capture.isRefundable()) {
            throw new IllegalStateException("Capture " + captureId + " is " + capture.status + ": nothing to refund.");
        }
        Money remaining = capture.remaining();
        Money amount = value == null ? remaining : new Money(capture.amount.currency(), value);
        if (!Money.isPositiveValue(amount.value())) {
            throw new IllegalArgumentException("A refund needs a positive amount such as 5.00, not " + value);
        }
        if (amount.decimal().compareTo(remaining.decimal()) > 0) {
            throw new IllegalArgumentException(
                    "Refund of " + value + " is more than the " + remaining.value() + " left on " + captureId);
        }
        capture.refunded = capture.refunded.add(amount.decimal());
        capture.status = capture.refunded.compareTo(capture.amount.decimal()) >= 0
                ? Capture.REFUNDED
                : Capture.PARTIALLY_REFUNDED;
        capture.updateTime = Timestamps.now();
        return newRefund(capture, amount);
    }

    /** A chargeback or bank reversal takes the whole amount back; PayPal reports it refund-shaped. */
    synchronized JsonObject reverse(String captureId) {
        Capture capture = existingCapture(captureId);
        if (!capture.isRefundable()) {
            throw new IllegalStateException("Capture " + captureId + " is " + capture.status + ": cannot reverse.");
        }
        capture.refunded = capture.amount.decimal();
        capture.status = Capture.REVERSED;
        capture.updateTime = Timestamps.now();
        return newRefund(capture, capture.amount);
    }

    synchronized JsonObject openDispute(String captureId) {
        Capture capture = existingCapture(captureId);
        if (Capture.DECLINED.equals(capture.status) || Capture.PENDING.equals(capture.status)) {
            throw new IllegalStateException(
                    "Capture " + captureId + " is " + capture.status + ": no money to dispute.");
        }
        String id;
        do {
            id = Ids.disputeId();
        } while (disputes.containsKey(id));
        Dispute dispute = new Dispute(id, captureId, capture.amount);
        disputes.put(id, dispute);
        return dispute.toJson(baseUrl);
    }

    synchronized JsonObject resolveDispute(String disputeId, String outcomeCode) {
        Dispute dispute = disputes.get(disputeId);
        if (dispute == null) {
            throw new NoSuchElementException("No dispute " + disputeId);
        }
        if (!Dispute.OPEN.equals(dispute.status)) {
            throw new IllegalStateException("Dispute " + disputeId + " is already " + dispute.status);
        }
        dispute.status = Dispute.RESOLVED;
        dispute.outcomeCode = outcomeCode;
        dispute.updateTime = Timestamps.now();
        return dispute.toJson(baseUrl);
    }

    /** A capture PayPal reports without an order made here; kept so GET agrees with the webhook. */
    synchronized JsonObject foreignCapture(CaptureFacts facts) {
        String captureId = facts.captureId() == null ? uniqueId(captures) : facts.captureId();
        Payee payee = new Payee(facts.payeeEmail(), facts.payeeMerchantId());
        Capture capture = new Capture(
                captureId,
                facts.orderId(),
                new Money(facts.currency(), facts.value()),
                payee,
                facts.customId(),
                facts.invoiceId(),
                facts.status() == null ? Capture.COMPLETED : facts.status());
        // A made-up event about a real capture must not rewrite what PayPal really holds.
        captures.putIfAbsent(captureId, capture);
        return capture.toResourceJson(baseUrl);
    }

    synchronized List<JsonObject> orders() {
        List<JsonObject> all = new ArrayList<>();
        orders.values().forEach(o -> all.add(o.toJson(baseUrl)));
        return all;
    }

    synchronized List<JsonObject> captures() {
        List<JsonObject> all = new ArrayList<>();
        captures.values().forEach(c -> all.add(c.toResourceJson(baseUrl)));
        return all;
    }

    synchronized List<JsonObject> disputes() {
        List<JsonObject> all = new ArrayList<>();
        disputes.values().forEach(d -> all.add(d.toJson(baseUrl)));
        return all;
    }

    private JsonObject newRefund(Capture capture, Money amount) {
        Refund refund = new Refund(
                uniqueId(refunds), capture.id, amount, capture.customId, capture.invoiceId, Timestamps.now());
        refunds.put(refund.id(), refund);
        return refund.toJson(baseUrl);
    }

    private Order existingOrder(String orderId) {
        Order order = orders.get(orderId);
        if (order == null) {
            throw new NoSuchElementException("No order " + orderId);
        }
        return order;
    }

    private Capture existingCapture(String captureId) {
        Capture capture = captures.get(captureId);
        if (capture == null) {
            throw new NoSuchElementException("No capture " + captureId);
        }
        return capture;
    }

    private static void requireStatus(Capture capture, String status) {
        if (!status.equals(capture.status)) {
            throw new IllegalStateException("Capture " + capture.id + " is " + capture.status + ", not " + status);
        }
    }

    private static String uniqueId(Map<String, ?> taken) {
        String id;
        do {
            id = Ids.resourceId();
        } while (taken.containsKey(id));
        return id;
    }

    /** Appends a query string with ? or &, before any fragment. */
    static String withQuery(String url, String query) {
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        String separator = base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
        return base + separator + query + fragment;
    }
}
