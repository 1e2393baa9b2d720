package ppvchat.payments.control;

import jakarta.json.JsonObject;
import java.math.BigDecimal;

/** A buyer's dispute (CUSTOMER.DISPUTE.*) as PayPal describes it now. */
public record DisputeFacts(
        String disputeId,
        String captureId,
        String reason,
        String status,
        String outcome,
        BigDecimal amount,
        String currency) {

    public static final String SELLER_WON = "RESOLVED_SELLER_FAVOUR";

    public static DisputeFacts of(JsonObject dispute) {
        return new DisputeFacts(
                Json.text(dispute, "dispute_id"),
                Json.text(dispute, "disputed_transactions", 0, "seller_transaction_id"),
                Json.text(dispute, "reason"),
                Json.text(dispute, "status"),
                Json.text(dispute, "dispute_outcome", "outcome_code"),
                Json.money(dispute, "dispute_amount", "value"),
                Json.text(dispute, "dispute_amount", "currency_code"));
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
        return SELLER_WON.equals(outcome);
    }
}
