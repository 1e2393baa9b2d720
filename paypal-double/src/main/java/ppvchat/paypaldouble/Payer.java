package ppvchat.paypaldouble;

import jakarta.json.JsonObject;

/** The buyer who presses "Pay now": one sandbox-like account per double. */
record Payer(String payerId, String email, String givenName, String surname) {

    static Payer buyer(String payerId) {
        return new Payer(payerId, "buyer@paypal-double.test", "Test", "Buyer");
    }

    JsonObject toJson() {
        return JsonSupport.object()
                .add("name", nameJson())
                .add("email_address", email)
                .add("payer_id", payerId)
                .add("address", JsonSupport.object().add("country_code", "US"))
                .build();
    }

    /** The form payment_source.paypal takes once the order is approved. */
    JsonObject toPaymentSourceJson() {
        return JsonSupport.object()
                .add("email_address", email)
                .add("account_id", payerId)
                .add("account_status", "VERIFIED")
                .add("name", nameJson())
                .add("address", JsonSupport.object().add("country_code", "US"))
                .build();
    }

    private JsonObject nameJson() {
        return JsonSupport.object()
                .add("given_name", givenName)
                .add("surname", surname)
                .build();
    }
}
