package ppvchat.paypaldouble;

import jakarta.json.JsonObject;
import java.time.Instant;

/** Money sent back from a capture: a refund, or the refund-shaped record of a reversal. */
record Refund(String id, String captureId, Money amount, String customId, String invoiceId, Instant createTime) {

    JsonObject toJson(String baseUrl) {
        var json = JsonSupport.object().add("id", id).add("amount", amount.toJson());
        JsonSupport.addIfPresent(json, "invoice_id", invoiceId);
        JsonSupport.addIfPresent(json, "custom_id", customId);
        return json.add("status", "COMPLETED")
                .add("create_time", createTime.toString())
                .add("update_time", createTime.toString())
                .add(
                        "links",
                        JsonSupport.array()
                                .add(JsonSupport.link(baseUrl + "/v2/payments/refunds/" + id, "self", "GET"))
                                .add(JsonSupport.link(baseUrl + "/v2/payments/captures/" + captureId, "up", "GET")))
                .build();
    }
}
