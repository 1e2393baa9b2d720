package ppvchat.paypaldouble;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;

/** The page the buyer is sent to (rel payer-action or approve): "Pay now" or "Cancel and return". */
final class CheckoutPage {

    static final String TITLE = "PayPal double \u2014 approve payment";

    private final PaypalDouble paypal;

    CheckoutPage(PaypalDouble paypal) {
        this.paypal = paypal;
    }

    void show(HttpExchange exchange, List<String> pathParameters) throws IOException {
        String orderId = Exchanges.query(exchange).get("token");
        JsonObject order =
                orderId == null ? null : paypal.records().order(orderId).orElse(null);
        if (order == null) {
            notice(exchange, 404, "Unknown order", "There is no order " + orderId + ".");
            return;
        }
        if (Order.COMPLETED.equals(order.getString("status"))) {
            notice(exchange, 409, "Already paid", "Order " + orderId + " has already been captured.");
            return;
        }
        JsonObject unit = order.getJsonArray("purchase_units").getJsonObject(0);
        JsonObject amount = unit.getJsonObject("amount");
        JsonObject payee = unit.getJsonObject("payee");
        String payeeShown = JsonSupport.string(payee, "email_address") != null
                ? JsonSupport.string(payee, "email_address")
                : JsonSupport.string(payee, "merchant_id");
        String token = Html.escape(orderId);
        String body = "<h1>" + Html.escape(TITLE) + "</h1>\n"
                + "<p>A PayPal double for tests and the demo: no money moves.</p>\n"
                + "<table>\n"
                + row("Pay to", payeeShown)
                + row("Amount", amount.getString("value"))
                + row("Currency", amount.getString("currency_code"))
                + row("Description", JsonSupport.string(unit, "description"))
                + row("Order", orderId)
                + row("Paying as", "buyer@paypal-double.test")
                + "</table>\n<p>\n"
                + "<form method=\"post\" action=\"/checkoutnow/approve\"><input type=\"hidden\" name=\"token\" value=\""
                + token + "\"><button type=\"submit\" id=\"pay\">Pay now</button></form>\n"
                + "<form method=\"post\" action=\"/checkoutnow/cancel\"><input type=\"hidden\" name=\"token\" value=\""
                + token + "\"><button type=\"submit\" id=\"cancel\">Cancel and return</button></form>\n"
                + "</p>";
        Exchanges.html(exchange, 200, Html.page(TITLE, body));
    }

    void approve(HttpExchange exchange, List<String> pathParameters) throws IOException {
        String orderId = Exchanges.form(Exchanges.body(exchange)).get("token");
        PaymentRecords.Approval approval;
        try {
            approval = paypal.records().approve(orderId);
        } catch (NoSuchElementException e) {
            notice(exchange, 404, "Unknown order", "There is no order " + orderId + ".");
            return;
        } catch (IllegalStateException e) {
            notice(exchange, 409, "Already paid", "Order " + orderId + " has already been captured.");
            return;
        }
        PaypalDouble.Event event = paypal.webhookEvents().orderApproved(approval.order());
        paypal.sender()
                .sendAround(event, paypal.webhookTiming(), () -> Exchanges.redirect(exchange, approval.redirectUrl()));
    }

    void cancel(HttpExchange exchange, List<String> pathParameters) throws IOException {
        String orderId = Exchanges.form(Exchanges.body(exchange)).get("token");
        String redirect;
        try {
            redirect = paypal.records().cancelRedirect(orderId);
        } catch (NoSuchElementException e) {
            notice(exchange, 404, "Unknown order", "There is no order " + orderId + ".");
            return;
        } catch (IllegalStateException e) {
            notice(exchange, 409, "Already paid", "Order " + orderId + " has already been captured.");
            return;
        }
        if (redirect == null) {
            notice(exchange, 200, "Payment cancelled", "The order gave no cancel URL to return to.");
        } else {
            Exchanges.redirect(exchange, redirect);
        }
    }

    private static String row(String label, String value) {
        return "<tr><th>" + Html.escape(label) + "</th><td>" + Html.escape(value) + "</td></tr>\n";
    }

    private static void notice(HttpExchange exchange, int status, String title, String message) throws IOException {
        Exchanges.html(
                exchange,
                status,
                Html.page(
                        "PayPal double \u2014 " + title,
                        "<h1>" + Html.escape(title) + "</h1>\n<p>" + Html.escape(message) + "</p>"));
    }
}
