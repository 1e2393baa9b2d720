package ppvchat.paypaldouble;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import ppvchat.paypaldouble.PaypalDouble.CaptureOutcome;
import ppvchat.paypaldouble.PaypalDouble.Delivery;

/** GET / for the demo: what the double holds, and buttons for what PayPal would do later on its own. */
final class Dashboard {

    private final PaypalDouble paypal;

    Dashboard(PaypalDouble paypal) {
        this.paypal = paypal;
    }

    void show(HttpExchange exchange, List<String> pathParameters) throws IOException {
        boolean nextPending = paypal.records().nextCaptureOutcome() == CaptureOutcome.PENDING;
        StringBuilder body = new StringBuilder();
        body.append("<h1>PayPal double</h1>\n<p>A PayPal double for tests and the demo. API base ")
                .append(Html.escape(paypal.baseUrl()))
                .append(", webhooks to ")
                .append(Html.escape(String.valueOf(paypal.sender().target())))
                .append(".</p>\n<p>Next capture: <strong>")
                .append(nextPending ? "PENDING" : "COMPLETED")
                .append("</strong> ")
                .append(button("toggle-pending", Map.of(), nextPending ? "Make it COMPLETED" : "Make it PENDING"))
                .append("</p>\n");
        appendOrders(body);
        appendCaptures(body);
        appendDisputes(body);
        appendDeliveries(body);
        Exchanges.html(exchange, 200, Html.page("PayPal double", body.toString()));
    }

    void act(HttpExchange exchange, List<String> pathParameters) throws IOException {
        Map<String, String> form = Exchanges.form(Exchanges.body(exchange));
        String capture = form.get("capture");
        String dispute = form.get("dispute");
        try {
            switch (pathParameters.get(0)) {
                case "toggle-pending" -> paypal.nextCaptureOutcome(
                        paypal.records().nextCaptureOutcome() == CaptureOutcome.PENDING
                                ? CaptureOutcome.COMPLETED
                                : CaptureOutcome.PENDING);
                case "complete-pending" -> paypal.completePending(capture);
                case "refund" -> paypal.refund(capture, null);
                case "reverse" -> paypal.reverse(capture);
                case "open-dispute" -> paypal.openDispute(capture);
                case "resolve-seller" -> paypal.resolveDispute(dispute, "RESOLVED_SELLER_FAVOUR");
                case "resolve-buyer" -> paypal.resolveDispute(dispute, "RESOLVED_BUYER_FAVOUR");
                default -> throw new NoSuchElementException("No such action");
            }
        } catch (NoSuchElementException | IllegalStateException | IllegalArgumentException e) {
            Exchanges.html(
                    exchange,
                    409,
                    Html.page(
                            "PayPal double",
                            "<h1>Not done</h1>\n<p>" + Html.escape(e.getMessage())
                                    + "</p>\n<p><a href=\"/\">Back</a></p>"));
            return;
        }
        Exchanges.redirect(exchange, "/");
    }

    private void appendOrders(StringBuilder body) {
        body.append("<h2>Orders</h2>\n<table>\n<tr><th>Order</th><th>Status</th><th>Amount</th>"
                + "<th>Payee</th><th>Description</th><th></th></tr>\n");
        for (JsonObject order : paypal.records().orders()) {
            JsonObject unit = order.getJsonArray("purchase_units").getJsonObject(0);
            String id = order.getString("id");
            String status = order.getString("status");
            boolean awaitsBuyer = Order.CREATED.equals(status) || Order.PAYER_ACTION_REQUIRED.equals(status);
            body.append("<tr>")
                    .append(cell(id))
                    .append(cell(status))
                    .append(cell(amount(unit.getJsonObject("amount"))))
                    .append(cell(payee(unit.getJsonObject("payee"))))
                    .append(cell(JsonSupport.string(unit, "description")))
                    .append("<td>")
                    .append(
                            awaitsBuyer
                                    ? "<a href=\"/checkoutnow?token=" + Html.escape(id) + "\">Checkout page</a>"
                                    : "")
                    .append("</td></tr>\n");
        }
        body.append("</table>\n");
    }

    private void appendCaptures(StringBuilder body) {
        body.append("<h2>Captures</h2>\n<table>\n<tr><th>Capture</th><th>Order</th><th>Status</th>"
                + "<th>Amount</th><th>Payee</th><th>custom_id</th><th></th></tr>\n");
        for (JsonObject capture : paypal.records().captures()) {
            String id = capture.getString("id");
            String status = capture.getString("status");
            JsonObject related = JsonSupport.child(JsonSupport.child(capture, "supplementary_data"), "related_ids");
            Map<String, String> field = Map.of("capture", id);
            StringBuilder actions = new StringBuilder();
            if (Capture.PENDING.equals(status)) {
                actions.append(button("complete-pending", field, "Complete pending"));
            }
            if (Capture.COMPLETED.equals(status) || Capture.PARTIALLY_REFUNDED.equals(status)) {
                actions.append(button("refund", field, "Refund (full)")).append(button("reverse", field, "Reverse"));
            }
            if (!Capture.PENDING.equals(status) && !Capture.DECLINED.equals(status)) {
                actions.append(button("open-dispute", field, "Open dispute"));
            }
            body.append("<tr>")
                    .append(cell(id))
                    .append(cell(JsonSupport.string(related, "order_id")))
                    .append(cell(status))
                    .append(cell(amount(capture.getJsonObject("amount"))))
                    .append(cell(payee(JsonSupport.child(capture, "payee"))))
                    .append(cell(JsonSupport.string(capture, "custom_id")))
                    .append("<td>")
                    .append(actions)
                    .append("</td></tr>\n");
        }
        body.append("</table>\n");
    }

    private void appendDisputes(StringBuilder body) {
        body.append("<h2>Disputes</h2>\n<table>\n<tr><th>Dispute</th><th>Capture</th><th>Status</th>"
                + "<th>Outcome</th><th></th></tr>\n");
        for (JsonObject dispute : paypal.records().disputes()) {
            String id = dispute.getString("dispute_id");
            String status = dispute.getString("status");
            String captureId = dispute.getJsonArray("disputed_transactions")
                    .getJsonObject(0)
                    .getString("seller_transaction_id");
            String actions = Dispute.OPEN.equals(status)
                    ? button("resolve-seller", Map.of("dispute", id), "Resolve in seller's favour")
                            + button("resolve-buyer", Map.of("dispute", id), "Resolve in buyer's favour")
                    : "";
            body.append("<tr>")
                    .append(cell(id))
                    .append(cell(captureId))
                    .append(cell(status))
                    .append(cell(JsonSupport.string(JsonSupport.child(dispute, "dispute_outcome"), "outcome_code")))
                    .append("<td>")
                    .append(actions)
                    .append("</td></tr>\n");
        }
        body.append("</table>\n");
    }

    private void appendDeliveries(StringBuilder body) {
        List<Delivery> deliveries = paypal.deliveries();
        body.append("<h2>Latest webhook deliveries</h2>\n<table>\n<tr><th>At</th><th>Event</th>"
                + "<th>Type</th><th>Attempt</th><th>Status</th></tr>\n");
        for (int i = deliveries.size() - 1; i >= Math.max(0, deliveries.size() - 20); i--) {
            Delivery delivery = deliveries.get(i);
            body.append("<tr>")
                    .append(cell(delivery.at().toString()))
                    .append(cell(delivery.eventId()))
                    .append(cell(delivery.eventType()))
                    .append(cell(String.valueOf(delivery.attempt())))
                    .append(cell(delivery.status() < 0 ? "unreachable" : String.valueOf(delivery.status())))
                    .append("</tr>\n");
        }
        body.append("</table>\n");
    }

    private static String button(String action, Map<String, String> fields, String label) {
        StringBuilder form = new StringBuilder("<form method=\"post\" action=\"/dashboard/")
                .append(action)
                .append("\">");
        fields.forEach((name, value) -> form.append("<input type=\"hidden\" name=\"")
                .append(Html.escape(name))
                .append("\" value=\"")
                .append(Html.escape(value))
                .append("\">"));
        return form.append("<button type=\"submit\">")
                .append(Html.escape(label))
                .append("</button></form> ")
                .toString();
    }

    private static String cell(String text) {
        return "<td>" + Html.escape(text) + "</td>";
    }

    private static String amount(JsonObject amount) {
        return amount == null ? "" : amount.getString("value") + " " + amount.getString("currency_code");
    }

    private static String payee(JsonObject payee) {
        if (payee == null) {
            return "";
        }
        String email = JsonSupport.string(payee, "email_address");
        return email != null ? email : JsonSupport.string(payee, "merchant_id");
    }
}
