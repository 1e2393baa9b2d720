package ppvchat.paypaldouble;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** An amount as PayPal writes it: a currency code and a decimal string, never a float. */
record Money(String currency, String value) {

    private static final Pattern VALUE = Pattern.compile("^[0-9]+(\\.[0-9]{2})?$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

    // PayPal's standard domestic rate for the fee in seller_receivable_breakdown.
    private static final BigDecimal FEE_RATE = new BigDecimal("0.0349");
    private static final BigDecimal FEE_FIXED = new BigDecimal("0.49");

    static boolean isValidValue(String value) {
        return value != null && VALUE.matcher(value).matches();
    }

    static boolean isPositiveValue(String value) {
        return isValidValue(value) && new BigDecimal(value).signum() > 0;
    }

    static boolean isValidCurrency(String currency) {
        return currency != null && CURRENCY.matcher(currency).matches();
    }

    BigDecimal decimal() {
        return new BigDecimal(value);
    }

    /** Keeps the amount's own number of decimals, so "10" stays whole and "10.00" keeps cents. */
    Money with(BigDecimal amount) {
        int scale = decimal().scale() == 0 ? 0 : 2;
        return new Money(currency, amount.setScale(scale, RoundingMode.HALF_UP).toPlainString());
    }

    Money paypalFee() {
        return with(decimal().multiply(FEE_RATE).add(FEE_FIXED));
    }

    Money minus(Money other) {
        return with(decimal().subtract(other.decimal()));
    }

    JsonObject toJson() {
        return JsonSupport.object()
                .add("currency_code", currency)
                .add("value", value)
                .build();
    }

    /** "$ 10.00 USD" as in PayPal's webhook summaries. */
    String summary() {
        return ("USD".equals(currency) ? "$ " : "") + value + " " + currency;
    }
}
