package ppvchat.paypaldouble;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** One checkout order and where it stands; guarded by PaymentRecords' lock. */
final class Order {

    static final String CREATED = "CREATED";
    static final String PAYER_ACTION_REQUIRED = "PAYER_ACTION_REQUIRED";
    static final String APPROVED = "APPROVED";
    static final String COMPLETED = "COMPLETED";

    final String id;
    final OrderRequest request;
    final Instant createTime;
    String status;
    Instant updateTime;
    Payer payer;
    Capture capture;

    Order(String id, OrderRequest request) {
        this.id = id;
        this.request = request;
        this.createTime = Timestamps.now();
        this.updateTime = createTime;
        // The payment_source form asks the buyer to act; the older application_context form just waits.
        this.status = request.payerActionFlow() ? PAYER_ACTION_REQUIRED : CREATED;
    }

    boolean awaitsBuyer() {
        return CREATED.equals(status) || PAYER_ACTION_REQUIRED.equals(status);
    }

    /** The short answer PayPal gives to a create call. */
    JsonObject createResponse(String baseUrl) {
        JsonObjectBuilder json = JsonSupport.object().add("id", id).add("status", status);
        if (request.payerActionFlow()) {
            json.add("payment_source", JsonSupport.object().add("paypal", JsonSupport.object()));
        }
        return json.add("links", links(baseUrl)).build();
    }

    /** The order in full, as GET and capture answer it. */
    JsonObject toJson(String baseUrl) {
        JsonObjectBuilder json =
                JsonSupport.object().add("id", id).add("intent", "CAPTURE").add("status", status);
        if (request.payerActionFlow()) {
            JsonObject paypal = payer == null ? JsonSupport.object().build() : payer.toPaymentSourceJson();
            json.add("payment_source", JsonSupport.object().add("paypal", paypal));
        }
        json.add("purchase_units", JsonSupport.array().add(purchaseUnit(baseUrl)));
        if (payer != null) {
            json.add("payer", payer.toJson());
        }
        return json.add("create_time", createTime.toString())
                .add("update_time", updateTime.toString())
                .add("links", links(baseUrl))
                .build();
    }

    private JsonObject purchaseUnit(String baseUrl) {
        JsonObjectBuilder unit = JsonSupport.object()
                .add("reference_id", request.referenceId())
                .add("amount", request.amount().toJson())
                .add("payee", request.payee().toJson());
        JsonSupport.addIfPresent(unit, "description", request.description());
        JsonSupport.addIfPresent(unit, "custom_id", request.customId());
        JsonSupport.addIfPresent(unit, "invoice_id", request.invoiceId());
        if (capture != null) {
            unit.add(
                    "payments",
                    JsonSupport.object().add("captures", JsonSupport.array().add(capture.toJson(baseUrl))));
        }
        return unit.build();
    }

    private jakarta.json.JsonArrayBuilder links(String baseUrl) {
        String self = baseUrl + "/v2/checkout/orders/" + id;
        var links = JsonSupport.array().add(JsonSupport.link(self, "self", "GET"));
        if (awaitsBuyer()) {
            String rel = request.payerActionFlow() ? "payer-action" : "approve";
            links.add(JsonSupport.link(baseUrl + "/checkoutnow?token=" + id, rel, "GET"));
        } else if (APPROVED.equals(status)) {
            links.add(JsonSupport.link(self + "/capture", "capture", "POST"));
        }
        return links;
    }
}
