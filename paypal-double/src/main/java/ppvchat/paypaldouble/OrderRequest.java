package ppvchat.paypaldouble;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The body of POST /v2/checkout/orders, checked the way PayPal checks it: a refusal names the
 * field and the issue, so a client's error handling meets realistic answers.
 */
record OrderRequest(
        String referenceId,
        String customId,
        String invoiceId,
        String description,
        Money amount,
        Payee payee,
        String returnUrl,
        String cancelUrl,
        boolean payerActionFlow) {

    private static final String UNIT = "/purchase_units/0";

    static OrderRequest parse(JsonValue body) {
        if (!(body instanceof JsonObject order)) {
            throw ApiError.malformedJson();
        }
        String intent = text(order, "intent", "/intent");
        if (intent == null) {
            throw missing("/intent");
        }
        if (!"CAPTURE".equals(intent)) {
            throw ApiError.invalidRequest(
                    "INVALID_PARAMETER_VALUE", "/intent", "Only intent CAPTURE is supported by this double.");
        }
        JsonObject unit = onlyPurchaseUnit(order);
        String referenceId = limited(unit, "reference_id", 256);
        String customId = limited(unit, "custom_id", 127);
        String invoiceId = limited(unit, "invoice_id", 127);
        String description = limited(unit, "description", 127);
        Money amount = amount(unit);
        Payee payee = payee(unit);

        JsonObject experience = objectAt(order, "payment_source", "paypal", "experience_context");
        boolean payerActionFlow = objectAt(order, "payment_source", "paypal") != null;
        // The older application_context still counts when payment_source gives no URLs, as at PayPal.
        boolean experienceHasUrls = experience != null && experience.containsKey("return_url");
        JsonObject urls = experienceHasUrls ? experience : objectAt(order, "application_context");
        if (urls == null && payerActionFlow) {
            urls = experience;
        }
        String urlsPath = urls != null && urls == experience
                ? "/payment_source/paypal/experience_context"
                : "/application_context";
        String returnUrl = url(urls, "return_url", urlsPath);
        if (returnUrl == null) {
            throw missing(urlsPath + "/return_url");
        }
        String cancelUrl = url(urls, "cancel_url", urlsPath);
        return new OrderRequest(
                referenceId == null ? "default" : referenceId,
                customId,
                invoiceId,
                description,
                amount,
                payee,
                returnUrl,
                cancelUrl,
                payerActionFlow);
    }

    private static JsonObject onlyPurchaseUnit(JsonObject order) {
        JsonValue units = order.get("purchase_units");
        if (units == null || units == JsonValue.NULL) {
            throw missing("/purchase_units");
        }
        if (!(units instanceof JsonArray array)) {
            throw syntax("/purchase_units", "purchase_units must be an array.");
        }
        if (array.isEmpty()) {
            throw missing("/purchase_units");
        }
        if (array.size() > 1) {
            throw ApiError.unprocessable(
                    "MULTIPLE_PURCHASE_UNITS_NOT_SUPPORTED",
                    "/purchase_units",
                    "This double takes exactly one purchase unit.");
        }
        if (!(array.get(0) instanceof JsonObject unit)) {
            throw syntax(UNIT, "A purchase unit must be an object.");
        }
        return unit;
    }

    private static Money amount(JsonObject unit) {
        JsonValue amountValue = unit.get("amount");
        if (amountValue == null || amountValue == JsonValue.NULL) {
            throw missing(UNIT + "/amount");
        }
        if (!(amountValue instanceof JsonObject amount)) {
            throw syntax(UNIT + "/amount", "amount must be an object.");
        }
        String currency = text(amount, "currency_code", UNIT + "/amount/currency_code");
        if (currency == null) {
            throw missing(UNIT + "/amount/currency_code");
        }
        if (!Money.isValidCurrency(currency)) {
            throw syntax(UNIT + "/amount/currency_code", "The currency code must be three capital letters.");
        }
        String value = text(amount, "value", UNIT + "/amount/value");
        if (value == null) {
            throw missing(UNIT + "/amount/value");
        }
        BigDecimal number = decimalOrNull(value);
        if (number != null && number.signum() <= 0) {
            throw ApiError.unprocessable(
                    "CANNOT_BE_ZERO_OR_NEGATIVE", UNIT + "/amount/value", "The amount must be greater than zero.");
        }
        if (!Money.isValidValue(value)) {
            if (number != null) {
                throw ApiError.unprocessable(
                        "DECIMAL_PRECISION", UNIT + "/amount/value", "The amount must have two decimals or none.");
            }
            throw syntax(UNIT + "/amount/value", "The amount must be a decimal string such as 10.00.");
        }
        return new Money(currency, value);
    }

    private static Payee payee(JsonObject unit) {
        JsonValue payeeValue = unit.get("payee");
        if (payeeValue == null || payeeValue == JsonValue.NULL) {
            return Payee.OWN_ACCOUNT;
        }
        if (!(payeeValue instanceof JsonObject payee)) {
            throw syntax(UNIT + "/payee", "payee must be an object.");
        }
        String email = text(payee, "email_address", UNIT + "/payee/email_address");
        String merchantId = text(payee, "merchant_id", UNIT + "/payee/merchant_id");
        if (email != null) {
            if (!email.matches("^[^@\\s]+@[^@\\s]+$")) {
                throw syntax(UNIT + "/payee/email_address", "Not an e-mail address.");
            }
            Payee byEmail = Payee.ofEmail(email);
            return merchantId == null ? byEmail : new Payee(email, merchantId);
        }
        if (merchantId != null) {
            return Payee.ofMerchantId(merchantId);
        }
        throw missing(UNIT + "/payee/email_address");
    }

    private static String url(JsonObject urls, String name, String path) {
        String url = text(urls, name, path + "/" + name);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return url;
            }
        } catch (URISyntaxException e) {
            // Falls through to the refusal below.
        }
        throw syntax(path + "/" + name, "Must be an absolute http or https URL.");
    }

    private static String limited(JsonObject object, String name, int maxLength) {
        String value = text(object, name, UNIT + "/" + name);
        if (value != null && value.length() > maxLength) {
            throw ApiError.invalidRequest(
                    "INVALID_STRING_MAX_LENGTH", UNIT + "/" + name, "At most " + maxLength + " characters.");
        }
        return value;
    }

    /** A string member; absent or null gives null, any other type is a syntax error. */
    private static String text(JsonObject object, String name, String path) {
        if (object == null) {
            return null;
        }
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw syntax(path, name + " must be a string.");
    }

    private static JsonObject objectAt(JsonObject root, String... path) {
        JsonObject current = root;
        for (String name : path) {
            current = JsonSupport.child(current, name);
        }
        return current;
    }

    private static BigDecimal decimalOrNull(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ApiError missing(String field) {
        return ApiError.invalidRequest("MISSING_REQUIRED_PARAMETER", field, "A required field is missing.");
    }

    private static ApiError syntax(String field, String description) {
        return ApiError.invalidRequest("INVALID_PARAMETER_SYNTAX", field, description);
    }
}
