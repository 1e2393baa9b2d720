package ppvchat.payments.control;

import jakarta.json.JsonObject;
import java.math.BigDecimal;

/** A refund or reversal (PAYMENT.CAPTURE.REFUNDED / REVERSED): its id, amount, and the capture it returns. */
public record ReturnFacts(String refundId, BigDecimal amount, String currency, String captureId) {

    public static ReturnFacts of(JsonObject refund) {
        return new ReturnFacts(
                Json.text(refund, "id"),
                Json.money(refund, "amount", "value"),
                Json.text(refund, "amount", "currency_code"),
                Json.linked(refund, "up"));
    }

    public String missing() {
        if (refundId == null || refundId.isBlank() || refundId.length() > 60) {
            return "no refund id";
        }
        if (amount == null || amount.signum() <= 0) {
            return "no amount";
        }
        if (captureId == null || !captureId.matches("[A-Z0-9]{17,19}")) {
            return "no capture it belongs to";
        }
        return null;
    }
}
