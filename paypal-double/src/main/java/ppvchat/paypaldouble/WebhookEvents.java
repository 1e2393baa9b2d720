package ppvchat.paypaldouble;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import ppvchat.paypaldouble.PaypalDouble.Event;

/** Makes PayPal-shaped webhook events and remembers every one, whether or not it is ever delivered. */
final class WebhookEvents {

    private final String baseUrl;
    private final List<Event> events = new ArrayList<>();

    WebhookEvents(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** PAYMENT.CAPTURE.COMPLETED, .PENDING or .DECLINED, after the capture's status. */
    Event capture(JsonObject capture) {
        String status = JsonSupport.string(capture, "status");
        String verb = status == null ? "completed" : status.toLowerCase(java.util.Locale.ROOT);
        return create(
                "PAYMENT.CAPTURE." + (status == null ? "COMPLETED" : status),
                "capture",
                "Payment " + verb + " for " + amountOf(capture),
                capture);
    }

    Event orderApproved(JsonObject order) {
        return create("CHECKOUT.ORDER.APPROVED", "checkout-order", "An order has been approved by buyer", order);
    }

    Event refunded(JsonObject refund) {
        return create(
                "PAYMENT.CAPTURE.REFUNDED",
                "refund",
                "A " + amountOf(refund) + " capture payment was refunded",
                refund);
    }

    Event reversed(JsonObject refund) {
        return create(
                "PAYMENT.CAPTURE.REVERSED",
                "refund",
                "A " + amountOf(refund) + " capture payment was reversed",
                refund);
    }

    Event disputeCreated(JsonObject dispute) {
        return create(
                "CUSTOMER.DISPUTE.CREATED",
                "dispute",
                "A new dispute opened with Case # " + JsonSupport.string(dispute, "dispute_id"),
                dispute);
    }

    Event disputeResolved(JsonObject dispute) {
        return create(
                "CUSTOMER.DISPUTE.RESOLVED",
                "dispute",
                "A dispute was resolved with case # " + JsonSupport.string(dispute, "dispute_id"),
                dispute);
    }

    synchronized Event last(String type) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).type().equals(type)) {
                return events.get(i);
            }
        }
        return null;
    }

    synchronized List<Event> all() {
        return List.copyOf(events);
    }

    private Event create(String type, String resourceType, String summary, JsonObject resource) {
        String id = Ids.eventId();
        JsonObject body = JsonSupport.object()
                .add("id", id)
                .add("event_version", "1.0")
                .add("create_time", Timestamps.now().toString())
                .add("resource_type", resourceType)
                .add("resource_version", "2.0")
                .add("event_type", type)
                .add("summary", summary)
                .add("resource", resource)
                .add(
                        "links",
                        JsonSupport.array()
                                .add(JsonSupport.link(
                                        baseUrl + "/v1/notifications/webhooks-events/" + id, "self", "GET")))
                .build();
        Event event = new Event(id, type, body);
        synchronized (this) {
            events.add(event);
        }
        return event;
    }

    private static String amountOf(JsonObject resource) {
        JsonObject amount = JsonSupport.child(resource, "amount");
        if (amount == null) {
            return "an amount";
        }
        return new Money(JsonSupport.string(amount, "currency_code"), JsonSupport.string(amount, "value")).summary();
    }
}
