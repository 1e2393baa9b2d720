package ppvchat.paypaldouble;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** A chargeback on a capture; guarded by PaymentRecords' lock. */
final class Dispute {

    static final String OPEN = "OPEN";
    static final String RESOLVED = "RESOLVED";

    final String id;
    final String captureId;
    final String buyerTransactionId;
    final Money amount;
    final Instant createTime;
    String status = OPEN;
    String outcomeCode;
    Instant updateTime;

    Dispute(String id, String captureId, Money amount) {
        this.id = id;
        this.captureId = captureId;
        this.buyerTransactionId = Ids.resourceId();
        this.amount = amount;
        this.createTime = Timestamps.now();
        this.updateTime = createTime;
    }

    JsonObject toJson(String baseUrl) {
        JsonObjectBuilder json = JsonSupport.object()
                .add("dispute_id", id)
                .add("create_time", createTime.toString())
                .add("update_time", updateTime.toString())
                .add(
                        "disputed_transactions",
                        JsonSupport.array()
                                .add(JsonSupport.object()
                                        .add("seller_transaction_id", captureId)
                                        .add("buyer_transaction_id", buyerTransactionId)
                                        .add("transaction_status", "COMPLETED")
                                        .add("gross_amount", amount.toJson())))
                .add("reason", "UNAUTHORISED")
                .add("status", status)
                .add("dispute_amount", amount.toJson());
        if (outcomeCode != null) {
            json.add("dispute_outcome", JsonSupport.object().add("outcome_code", outcomeCode));
        }
        return json.add("dispute_life_cycle_stage", "CHARGEBACK")
                .add("dispute_channel", "EXTERNAL")
                .add(
                        "links",
                        JsonSupport.array()
                                .add(JsonSupport.link(baseUrl + "/v1/customer/disputes/" + id, "self", "GET")))
                .build();
    }
}
