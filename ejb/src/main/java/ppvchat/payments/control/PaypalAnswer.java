package ppvchat.payments.control;

import jakarta.json.JsonObject;

/** PayPal's answer to one call: the raw text, kept for audit, and the same text parsed. */
public record PaypalAnswer(int status, String body, JsonObject json) {

    /** PayPal's name for what went wrong in a 4xx answer, e.g. ORDER_ALREADY_CAPTURED; else its name. */
    public String issue() {
        var details = json.getJsonArray("details");
        if (details != null && !details.isEmpty() && details.get(0) instanceof JsonObject first) {
            return first.getString("issue", json.getString("name", "UNKNOWN"));
        }
        return json.getString("name", json.getString("error", "UNKNOWN"));
    }
}
