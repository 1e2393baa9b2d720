package ppvchat.payments.control;

import jakarta.json.JsonObject;
import java.math.BigDecimal;

/** What PayPal says about one capture, from a webhook's capture or from an order holding it. */
public record CaptureFacts(
        String captureId,
        String status,
        BigDecimal amount,
        String currency,
        String payeeEmail,
        String payeeMerchantId,
        String customId,
        String paypalOrderId) {

    /** A webhook's resource (PAYMENT.CAPTURE.*): the capture itself. */
    public static CaptureFacts ofCapture(JsonObject capture) {
        return new CaptureFacts(
                Json.text(capture, "id"),
                Json.text(capture, "status"),
                Json.money(capture, "amount", "value"),
                Json.text(capture, "amount", "currency_code"),
                Json.text(capture, "payee", "email_address"),
                Json.text(capture, "payee", "merchant_id"),
                Json.text(capture, "custom_id"),
                Json.text(capture, "supplementary_data", "related_ids", "order_id"));
    }

    /** An order as the capture call or a GET answers it: its first purchase unit's first capture. */
    public static CaptureFacts ofOrder(JsonObject order) {
        JsonObject unit = Json.object(order, "purchase_units", 0);
        JsonObject capture = unit == null ? null : Json.object(unit, "payments", "captures", 0);
        if (capture == null) {
            return new CaptureFacts(null, null, null, null, null, null, null, Json.text(order, "id"));
        }
        String customId = Json.text(capture, "custom_id");
        return new CaptureFacts(
                Json.text(capture, "id"),
                Json.text(capture, "status"),
                Json.money(capture, "amount", "value"),
                Json.text(capture, "amount", "currency_code"),
                Json.text(unit, "payee", "email_address"),
                Json.text(unit, "payee", "merchant_id"),
                customId != null ? customId : Json.text(unit, "custom_id"),
                Json.text(order, "id"));
    }

    /** What is missing for the capture to be judged at all; null when nothing is. */
    public String missing() {
        if (captureId == null || !captureId.matches("[A-Z0-9]{17,19}")) {
            return "no capture id";
        }
        if (status == null) {
            return "no status";
        }
        if (amount == null || currency == null) {
            return "no amount";
        }
        return null;
    }

    /** Paid to {@code payee}, an email (any case) or a merchant id. */
    public boolean paidTo(String payee) {
        return payee.equalsIgnoreCase(payeeEmail == null ? "" : payeeEmail) || payee.equals(payeeMerchantId);
    }

    public String paidToText() {
        return payeeMerchantId != null ? payeeEmail + " (" + payeeMerchantId + ")" : String.valueOf(payeeEmail);
    }
}
