package ppvchat.payments.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import ppvchat.payments.control.PaypalMessages;
import ppvchat.payments.control.WebhookHeaders;
import ppvchat.payments.entity.MalformedPaypalMessage;

/**
 * PayPal's webhook deliveries: each is stored as it came and answered at once; verifying and acting on it
 * happens after the answer ({@link WebhookProcessor}), and again later if PayPal could not verify then.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaypalWebhooks {

    /** PayPal's events are a few kilobytes; anything far bigger is not one. */
    public static final int MAX_BYTES = 256 * 1024;

    /** The events acted on, besides the disputes' (docs/payments.md lists them for the webhook's set-up). */
    static final Set<String> ACTED_ON = Set.of(
            "PAYMENT.CAPTURE.COMPLETED",
            "PAYMENT.CAPTURE.PENDING",
            "PAYMENT.CAPTURE.DECLINED",
            "PAYMENT.CAPTURE.DENIED",
            "PAYMENT.CAPTURE.REFUNDED",
            "PAYMENT.CAPTURE.REVERSED",
            "CHECKOUT.ORDER.APPROVED");

    @Inject
    PaypalMessages messages;

    @Inject
    WebhookProcessor processor;

    /**
     * Stores the delivery and returns its message id (0 for an event type this site does not act on); a body
     * that is not a PayPal event is refused.
     */
    public long receive(Map<String, String> headers, String body) {
        if (body == null || body.isBlank()) {
            throw new MalformedPaypalMessage("the body is empty: a PayPal event is a JSON object");
        }
        if (body.length() > MAX_BYTES) {
            throw new MalformedPaypalMessage("the body is larger than any PayPal event");
        }
        JsonObject event = singleObject(body);
        String id = text(event, "id");
        String type = text(event, "event_type");
        if (id == null || type == null || id.length() > 80 || type.length() > 80) {
            throw new MalformedPaypalMessage("a PayPal event has an id and an event_type");
        }
        if (!ACTED_ON.contains(type) && !type.startsWith("CUSTOMER.DISPUTE.")) {
            return 0; // an event this site does not subscribe to: answered, not kept
        }
        String resourceId = event.get("resource") instanceof JsonObject resource
                ? first(text(resource, "id"), text(resource, "dispute_id"))
                : null;
        long messageId = messages.webhook(id, type, cut(resourceId), WebhookHeaders.of(headers), body);
        processor.processLater(messageId);
        return messageId;
    }

    /** The body as exactly one JSON object: nothing before or after it (a splice would reach PayPal's verify call). */
    private static JsonObject singleObject(String body) {
        try (JsonParser parser = Json.createParser(new StringReader(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new MalformedPaypalMessage("the body is not a JSON object");
            }
            JsonObject event = parser.getObject();
            if (parser.hasNext()) {
                throw new MalformedPaypalMessage("the body holds more than one JSON value");
            }
            return event;
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw new MalformedPaypalMessage("the body is not a JSON object");
        }
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString value ? value.getString() : null;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String cut(String text) {
        return text == null || text.length() <= 80 ? text : text.substring(0, 80);
    }
}
