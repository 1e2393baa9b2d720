package ppvchat.payments.control;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/** A buyer's dispute (CUSTOMER.DISPUTE.*) as PayPal describes it now. */
public record DisputeFacts(
        String disputeId,
        String captureId,
        String reason,
        String status,
        String outcome,
        BigDecimal amount,
        String currency,
        Instant updatedAt) {

    /** Outcomes that give the money back to the seller: a reversal of the capture is undone. */
    static final Set<String> SELLER_WON = Set.of("RESOLVED_SELLER_FAVOUR", "CANCELED_BY_BUYER", "DENIED");

    public static DisputeFacts of(JsonObject dispute) {
        return new DisputeFacts(
                Json.text(dispute, "dispute_id"),
                Json.text(dispute, "disputed_transactions", 0, "seller_transaction_id"),
                Json.text(dispute, "reason"),
                Json.text(dispute, "status"),
                Json.text(dispute, "dispute_outcome", "outcome_code"),
                Json.money(dispute, "dispute_amount", "value"),
                Json.text(dispute, "dispute_amount", "currency_code"),
                Json.instant(dispute, "update_time"));
    }

    public String missing() {
        if (disputeId == null || disputeId.isBlank() || disputeId.length() > 40) {
            return "no dispute id";
        }
        if (captureId == null || !captureId.matches("[A-Z0-9]{17,19}")) {
            return "no disputed capture";
        }
        return null;
    }

    public boolean sellerWon() {
        return SELLER_WON.contains(outcome == null ? "" : outcome);
    }
}
