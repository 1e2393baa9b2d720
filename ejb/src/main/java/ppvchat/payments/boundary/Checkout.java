package ppvchat.payments.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;
import ppvchat.accounts.control.TokenHolders;
import ppvchat.payments.control.CaptureBook;
import ppvchat.payments.control.CaptureFacts;
import ppvchat.payments.control.Handled;
import ppvchat.payments.control.PaypalAnswer;
import ppvchat.payments.control.PaypalApi;
import ppvchat.payments.control.PaypalDown;
import ppvchat.payments.control.PaypalMessages;
import ppvchat.payments.control.PaypalOrders;
import ppvchat.payments.control.PaypalRefused;
import ppvchat.payments.control.PaypalSettings;
import ppvchat.payments.entity.OrderStatus;
import ppvchat.payments.entity.PaymentsNotSetUp;
import ppvchat.payments.entity.PaymentsUnavailable;
import ppvchat.payments.entity.PaypalOrder;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.tenancy.boundary.Webmasters;
import ppvchat.tenancy.entity.IntegrationMode;
import ppvchat.tenancy.entity.Webmaster;

/**
 * Buying a credit package with PayPal Checkout (Orders v2): the server makes the order from the package
 * (amount, currency and payee never come from the browser), the buyer approves it at PayPal, and the
 * server captures it. No transaction is held open while PayPal is called.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Checkout {

    private static final Logger LOG = Logger.getLogger(Checkout.class.getName());

    @Inject
    TokenHolders tokenHolders;

    @Inject
    Webmasters webmasters;

    @Inject
    PaypalSettings settings;

    @Inject
    PaypalApi paypal;

    @Inject
    PaypalOrders orders;

    @Inject
    PaypalMessages messages;

    @Inject
    CaptureBook captures;

    /** Makes the order at PayPal; the buyer is sent to {@code approveUrl}, then back to {@code serverBase}. */
    public OrderView open(long webmasterId, String token, long packageId, URI serverBase) {
        long userId = tokenHolders.userOf(webmasterId, token).id();
        if (webmasters.find(webmasterId).mode() == IntegrationMode.EXTERNAL) {
            // Its server keeps the credits: credits bought here could never be spent there.
            throw new DomainException("this site sells credits on its own pages: buy them there");
        }
        if (!settings.configured()) {
            throw new PaymentsNotSetUp("PayPal payments are not set up on this server");
        }
        PaypalOrder order = orders.open(webmasterId, userId, packageId);
        Webmaster site = webmasters.find(webmasterId);
        JsonObject request = orderRequest(order, site, serverBase);
        try {
            PaypalAnswer answer = paypal.createOrder(order.reference(), request);
            String paypalId = answer.json().getString("id", null);
            String approveUrl = approveLink(answer.json());
            messages.answer(webmasterId, "ORDER.CREATE", paypalId, answer.body(), "order " + order.reference());
            if (paypalId == null || approveUrl == null) {
                orders.failed(order.reference(), "PayPal's answer had no order id or approval link");
                throw new PaymentsUnavailable("PayPal's answer could not be used; nothing was charged");
            }
            orders.created(order.reference(), paypalId, approveUrl);
        } catch (PaypalDown down) {
            orders.failed(order.reference(), down.getMessage());
            throw new PaymentsUnavailable("PayPal cannot be reached right now; nothing was charged, try again soon");
        } catch (PaypalRefused refused) {
            messages.answer(webmasterId, "ORDER.CREATE", null, refused.answer().body(), "refused: " + refused.issue());
            orders.failed(order.reference(), "PayPal refused the order: " + refused.issue());
            LOG.warning(() ->
                    "PayPal refused order " + order.reference() + " of site " + webmasterId + ": " + refused.issue());
            throw new PaymentsUnavailable(
                    "PayPal refused the order (" + refused.issue() + "); the site's support" + " can help");
        }
        return view(order.reference());
    }

    /** The buyer's own order; anyone else's is not found. */
    public OrderView status(long webmasterId, String token, String reference) {
        return OrderView.of(own(webmasterId, token, reference));
    }

    /** The buyer asks for the capture (e.g. the return page could not); idempotent. */
    public OrderView capture(long webmasterId, String token, String reference) {
        return captureNow(OrderView.of(own(webmasterId, token, reference)));
    }

    /** The buyer gave up before approving; an order already approved at PayPal goes on and completes. */
    public OrderView cancel(long webmasterId, String token, String reference) {
        PaypalOrder order = own(webmasterId, token, reference);
        orders.cancelled(order.reference());
        return view(order.reference());
    }

    /** PayPal sent the buyer back after approving: capture. The PayPal order id must match ours. */
    public OrderView returned(String reference, String paypalOrderId) {
        PaypalOrder order = returning(reference, paypalOrderId);
        orders.approved(order.reference());
        return captureNow(view(order.reference()));
    }

    public OrderView cancelled(String reference, String paypalOrderId) {
        PaypalOrder order = returning(reference, paypalOrderId);
        orders.cancelled(order.reference());
        return view(order.reference());
    }

    /** The buyer approved (a CHECKOUT.ORDER.APPROVED webhook): capture, in case they never came back. */
    public Handled approvedAtPaypal(String paypalOrderId) {
        return orders.byPaypalId(paypalOrderId)
                .map(order -> {
                    orders.approved(order.reference());
                    OrderView after = captureNow(view(order.reference()));
                    return Handled.done(
                            order.webmasterId(), "order " + order.reference() + " approved: " + after.status());
                })
                .orElseGet(() -> Handled.refused(null, "PayPal order " + paypalOrderId + " is not one of ours"));
    }

    /** Tries the capture of an approved order again (after PayPal was down). */
    public OrderView retryCapture(String reference) {
        return captureNow(view(reference));
    }

    private OrderView captureNow(OrderView current) {
        if (!OrderStatus.valueOf(current.status()).equals(OrderStatus.APPROVED)
                && !OrderStatus.valueOf(current.status()).equals(OrderStatus.CREATED)) {
            return current;
        }
        PaypalOrder order = orders.captureTried(current.order()).orElse(null);
        if (order == null) {
            return current; // another attempt is under way
        }
        try {
            PaypalAnswer answer = paypal.captureOrder(order.paypalOrderId(), "capture-" + order.reference());
            record(order, "ORDER.CAPTURE", answer);
        } catch (PaypalRefused refused) {
            String issue = refused.issue();
            messages.answer(
                    order.webmasterId(),
                    "ORDER.CAPTURE",
                    order.paypalOrderId(),
                    refused.answer().body(),
                    "PayPal answered " + issue);
            if ("ORDER_NOT_APPROVED".equals(issue)) {
                orders.notApproved(order.reference());
            } else if (!fetchAndRecord(order)) {
                // Not captured, and PayPal will not: only now is the order over.
                orders.failed(order.reference(), "PayPal refused the capture: " + issue);
            }
        } catch (PaypalDown down) {
            LOG.warning(() -> "capture of order " + order.reference() + " postponed: " + down.getMessage());
        }
        return view(order.reference());
    }

    /** Reads the order back from PayPal and records its capture; false if it has none. */
    private boolean fetchAndRecord(PaypalOrder order) {
        try {
            return record(order, "ORDER.GET", paypal.order(order.paypalOrderId()));
        } catch (PaypalDown | PaypalRefused e) {
            LOG.warning(() -> "order " + order.reference() + " could not be read back: " + e.getMessage());
            return true; // unknown: the order stays as it is and the next round tries again
        }
    }

    /** Records the capture PayPal's answer holds; false if it holds none. */
    private boolean record(PaypalOrder order, String operation, PaypalAnswer answer) {
        CaptureFacts facts = CaptureFacts.ofOrder(answer.json());
        if (facts.captureId() == null) {
            messages.answer(order.webmasterId(), operation, order.paypalOrderId(), answer.body(), "no capture yet");
            return false;
        }
        String outcome;
        try {
            outcome = captures.record(facts, operation + " answer").outcome();
            if (outcome.startsWith("refused:")) {
                // The buyer paid at PayPal, but the capture broke a rule here: people must look at it.
                orders.failed(order.reference(), "paid at PayPal but not credited (" + outcome + ")");
            }
        } catch (RuntimeException e) {
            // The capture stands at PayPal; the order stays approved and the next round records it again
            // (the capture call is idempotent), or the capture's webhook does.
            LOG.log(Level.WARNING, "capture of order " + order.reference() + " not recorded yet", e);
            outcome = "not recorded yet: " + e.getClass().getSimpleName();
        }
        messages.answer(order.webmasterId(), operation, facts.captureId(), answer.body(), outcome);
        return true;
    }

    private PaypalOrder own(long webmasterId, String token, String reference) {
        long userId = tokenHolders.userOf(webmasterId, token).id();
        return orders.byReference(reference)
                .filter(order -> order.webmasterId() == webmasterId && order.userId() == userId)
                .orElseThrow(() -> new NotFound("no order " + reference + " of yours"));
    }

    private PaypalOrder returning(String reference, String paypalOrderId) {
        return orders.byReference(reference)
                .filter(order ->
                        order.paypalOrderId() != null && order.paypalOrderId().equals(paypalOrderId))
                .orElseThrow(() -> new NotFound("no such order"));
    }

    private OrderView view(String reference) {
        return OrderView.of(orders.byReference(reference).orElseThrow(() -> new NotFound("no order " + reference)));
    }

    private static JsonObject orderRequest(PaypalOrder order, Webmaster site, URI serverBase) {
        String base = serverBase.toString().replaceAll("/+$", "");
        String ref = order.reference();
        JsonObjectBuilder payee = Json.createObjectBuilder();
        if (order.payee().contains("@")) {
            payee.add("email_address", order.payee());
        } else {
            payee.add("merchant_id", order.payee());
        }
        return Json.createObjectBuilder()
                .add("intent", "CAPTURE")
                .add(
                        "purchase_units",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("reference_id", "package-" + order.itemId())
                                        .add("custom_id", order.customId())
                                        .add("invoice_id", ref)
                                        .add("description", cut(order.credits() + " credits on " + site.name(), 127))
                                        .add(
                                                "amount",
                                                Json.createObjectBuilder()
                                                        .add("currency_code", order.currency())
                                                        .add("value", order.paypalAmount()))
                                        .add("payee", payee)))
                .add(
                        "payment_source",
                        Json.createObjectBuilder()
                                .add(
                                        "paypal",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "experience_context",
                                                        Json.createObjectBuilder()
                                                                .add("brand_name", cut(site.name(), 127))
                                                                .add("user_action", "PAY_NOW")
                                                                .add("shipping_preference", "NO_SHIPPING")
                                                                .add("return_url", base + "/paypal/return?order=" + ref)
                                                                .add(
                                                                        "cancel_url",
                                                                        base + "/paypal/cancel?order=" + ref))))
                .build();
    }

    private static String approveLink(JsonObject order) {
        var links = order.getJsonArray("links");
        if (links == null) {
            return null;
        }
        return links.stream()
                .filter(JsonObject.class::isInstance)
                .map(JsonObject.class::cast)
                .filter(link ->
                        "payer-action".equals(link.getString("rel", "")) || "approve".equals(link.getString("rel", "")))
                .map(link -> link.getString("href", null))
                .filter(href -> href != null && (href.startsWith("https://") || href.startsWith("http://")))
                .findFirst()
                .orElse(null);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
