package ppvchat.payments.boundary;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.Logger;
import ppvchat.payments.control.CaptureBook;
import ppvchat.payments.control.CaptureFacts;
import ppvchat.payments.control.DisputeBook;
import ppvchat.payments.control.DisputeFacts;
import ppvchat.payments.control.Handled;
import ppvchat.payments.control.PaypalApi;
import ppvchat.payments.control.PaypalDown;
import ppvchat.payments.control.PaypalMessages;
import ppvchat.payments.control.PaypalRefused;
import ppvchat.payments.control.PaypalSettings;
import ppvchat.payments.control.ReturnBook;
import ppvchat.payments.control.ReturnFacts;
import ppvchat.payments.control.WebhookHeaders;
import ppvchat.payments.entity.PaypalMessage;
import ppvchat.payments.entity.ReturnKind;
import ppvchat.payments.entity.Verification;

/**
 * Verifies a stored webhook with PayPal and acts on it. A message is trusted only after PayPal's verify
 * call says SUCCESS for its certificate URL (which must be PayPal's), signature and our webhook id; a
 * later delivery of an event already verified and acted on, byte for byte, is recorded as a duplicate.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookProcessor {

    private static final Logger LOG = Logger.getLogger(WebhookProcessor.class.getName());

    @Inject
    PaypalMessages messages;

    @Inject
    PaypalSettings settings;

    @Inject
    PaypalApi paypal;

    @Inject
    CaptureBook captures;

    @Inject
    ReturnBook returns;

    @Inject
    DisputeBook disputes;

    @Inject
    Checkout checkout;

    @Asynchronous
    public void processLater(long messageId) {
        process(messageId);
    }

    public void process(long messageId) {
        try {
            messages.claim(messageId).ifPresent(this::process);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "PayPal message " + messageId + " failed; it will be tried again", e);
        }
    }

    private void process(PaypalMessage message) {
        long id = message.id();
        var twin = messages.verifiedTwin(message);
        if (twin.isPresent()) {
            messages.finish(
                    id,
                    Verification.DUPLICATE,
                    Handled.done(null, "a repeat of message " + twin.get() + ", already acted on: nothing changes"));
            return;
        }
        WebhookHeaders headers = WebhookHeaders.parse(message.headers());
        if (!headers.complete()) {
            messages.finish(id, Verification.FAILURE, Handled.refused(null, "PayPal's signature headers are missing"));
            return;
        }
        if (!settings.trustsCertificateAt(headers.certUrl())) {
            LOG.warning(() -> "PayPal message " + id + " names a foreign certificate: " + headers.certUrl());
            messages.finish(id, Verification.FAILURE, Handled.refused(null, "its certificate URL is not PayPal's"));
            return;
        }
        if (settings.webhookId().isEmpty() || !settings.configured()) {
            messages.postpone(id, "not verified: PayPal's client and webhook id are not configured");
            return;
        }
        boolean genuine;
        try {
            genuine = paypal.verify(headers, settings.webhookId().get(), message.body());
        } catch (PaypalDown down) {
            messages.postpone(id, "PayPal could not verify it yet: " + down.getMessage());
            return;
        } catch (PaypalRefused refused) {
            genuine = false;
        }
        if (!genuine) {
            LOG.warning(() -> "PayPal did not verify message " + id + " (" + message.eventType() + ")");
            messages.finish(id, Verification.FAILURE, Handled.refused(null, "PayPal did not verify it"));
            return;
        }
        messages.verified(id, Verification.SUCCESS);
        Handled handled =
                act(message.eventType(), resource(message.body()), "message " + id + " " + message.eventType());
        if (handled.done()) {
            messages.finish(id, Verification.SUCCESS, handled);
        } else {
            messages.postpone(id, handled.outcome());
        }
    }

    private Handled act(String type, JsonObject resource, String via) {
        if (resource == null) {
            return Handled.refused(null, "the event has no resource");
        }
        return switch (type) {
            case "PAYMENT.CAPTURE.COMPLETED",
                    "PAYMENT.CAPTURE.PENDING",
                    "PAYMENT.CAPTURE.DECLINED",
                    "PAYMENT.CAPTURE.DENIED" -> captures.record(CaptureFacts.ofCapture(resource), via);
            case "PAYMENT.CAPTURE.REFUNDED" -> moneyReturned(ReturnFacts.of(resource), ReturnKind.REFUND, via);
            case "PAYMENT.CAPTURE.REVERSED" -> moneyReturned(ReturnFacts.of(resource), ReturnKind.REVERSAL, via);
            case "CHECKOUT.ORDER.APPROVED" -> {
                String orderId = resource.getString("id", null);
                yield orderId == null ? Handled.refused(null, "no order id") : checkout.approvedAtPaypal(orderId);
            }
            default -> type.startsWith("CUSTOMER.DISPUTE.")
                    ? dispute(DisputeFacts.of(resource), type, via)
                    : Handled.done(null, "not an event this site acts on");
        };
    }

    private Handled moneyReturned(ReturnFacts refund, ReturnKind kind, String via) {
        String missing = refund.missing();
        if (missing != null) {
            return Handled.refused(null, "the " + kind + " is incomplete (" + missing + ")");
        }
        return returns.ownerOf(refund.captureId())
                .map(owner -> returns.moneyReturned(owner, refund, kind, via))
                .orElseGet(() -> Handled.later(null, "capture " + refund.captureId() + " is not recorded yet"));
    }

    private Handled dispute(DisputeFacts dispute, String type, String via) {
        String missing = dispute.missing();
        if (missing != null) {
            return Handled.refused(null, "the dispute is incomplete (" + missing + ")");
        }
        return returns.ownerOf(dispute.captureId())
                .map(owner -> {
                    Handled recorded = disputes.record(owner, dispute, type);
                    if (dispute.sellerWon()) {
                        Handled reinstated =
                                returns.reversalsCancelled(owner, dispute.captureId(), dispute.disputeId(), via);
                        return Handled.done(owner.webmasterId(), recorded.outcome() + "; " + reinstated.outcome());
                    }
                    return recorded;
                })
                .orElseGet(() -> Handled.later(null, "capture " + dispute.captureId() + " is not recorded yet"));
    }

    private static JsonObject resource(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject().get("resource") instanceof JsonObject resource ? resource : null;
        }
    }
}
