package ppvchat.paypaldouble;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;

/** One captured payment and its later fate (refunds, reversal); guarded by PaymentRecords' lock. */
final class Capture {

    static final String COMPLETED = "COMPLETED";
    static final String PENDING = "PENDING";
    static final String DECLINED = "DECLINED";
    static final String REFUNDED = "REFUNDED";
    static final String PARTIALLY_REFUNDED = "PARTIALLY_REFUNDED";
    static final String REVERSED = "REVERSED";

    final String id;
    final String orderId;
    final Money amount;
    final Payee payee;
    final String customId;
    final String invoiceId;
    final Instant createTime;
    String status;
    String pendingReason;
    Instant updateTime;
    BigDecimal refunded = BigDecimal.ZERO;

    Capture(String id, String orderId, Money amount, Payee payee, String customId, String invoiceId, String status) {
        this.id = id;
        this.orderId = orderId;
        this.amount = amount;
        this.payee = payee;
        this.customId = customId;
        this.invoiceId = invoiceId;
        this.status = status;
        this.pendingReason = PENDING.equals(status) ? "PENDING_REVIEW" : null;
        this.createTime = Timestamps.now();
        this.updateTime = createTime;
    }

    boolean isRefundable() {
        return COMPLETED.equals(status) || PARTIALLY_REFUNDED.equals(status);
    }

    Money remaining() {
        return amount.with(amount.decimal().subtract(refunded));
    }

    /** The capture as it appears inside an order's payments.captures. */
    JsonObject toJson(String baseUrl) {
        return fields(baseUrl).build();
    }

    /** The capture as GET /v2/payments/captures and the webhooks give it: it also names its order and payee. */
    JsonObject toResourceJson(String baseUrl) {
        JsonObjectBuilder json = fields(baseUrl);
        if (orderId != null) {
            json.add(
                    "supplementary_data",
                    JsonSupport.object().add("related_ids", JsonSupport.object().add("order_id", orderId)));
        }
        return json.add("payee", payee.toJson()).build();
    }

    private JsonObjectBuilder fields(String baseUrl) {
        JsonObjectBuilder json = JsonSupport.object().add("id", id).add("status", status);
        if (pendingReason != null) {
            json.add("status_details", JsonSupport.object().add("reason", pendingReason));
        }
        json.add("amount", amount.toJson())
                .add("final_capture", true)
                .add(
                        "seller_protection",
                        JsonSupport.object()
                                .add("status", "ELIGIBLE")
                                .add(
                                        "dispute_categories",
                                        JsonSupport.array()
                                                .add("ITEM_NOT_RECEIVED")
                                                .add("UNAUTHORIZED_TRANSACTION")))
                .add("seller_receivable_breakdown", breakdown());
        JsonSupport.addIfPresent(json, "invoice_id", invoiceId);
        JsonSupport.addIfPresent(json, "custom_id", customId);
        String self = baseUrl + "/v2/payments/captures/" + id;
        var links = JsonSupport.array()
                .add(JsonSupport.link(self, "self", "GET"))
                .add(JsonSupport.link(self + "/refund", "refund", "POST"));
        if (orderId != null) {
            links.add(JsonSupport.link(baseUrl + "/v2/checkout/orders/" + orderId, "up", "GET"));
        }
        return json.add("create_time", createTime.toString())
                .add("update_time", updateTime.toString())
                .add("links", links);
    }

    private JsonObject breakdown() {
        Money fee = amount.paypalFee();
        return JsonSupport.object()
                .add("gross_amount", amount.toJson())
                .add("paypal_fee", fee.toJson())
                .add("net_amount", amount.minus(fee).toJson())
                .build();
    }
}
