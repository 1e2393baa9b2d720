package ppvchat.payments.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import ppvchat.platform.entity.DomainException;
import ppvchat.tenancy.boundary.Webmasters;

/**
 * Where PayPal sends the buyer's popup back: {@code /paypal/return} captures the approved order at once,
 * {@code /paypal/cancel} closes it. The page tells the buyer the outcome, tells the chat window that
 * opened it (the order and its status, nothing secret) and closes itself.
 */
@WebServlet(urlPatterns = {"/paypal/return", "/paypal/cancel"})
public class PaypalReturnPage extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(PaypalReturnPage.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern REFERENCE =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "en",
            Map.of(
                    "COMPLETED", "Payment complete: %d credits were added. You can close this window.",
                    "PENDING", "PayPal is reviewing the payment. The credits arrive by themselves when it completes.",
                    "APPROVED", "Payment approved. Your credits are being added; you can close this window.",
                    "CANCELLED", "The payment was cancelled. Nothing was charged.",
                    "DECLINED", "PayPal declined the payment. Nothing was charged.",
                    "FAILED", "The payment could not be completed. Nothing was charged.",
                    "CREATED", "The payment is not finished yet.",
                    "UNKNOWN", "This payment is not known here.",
                    "CONFIRMING",
                            "We are confirming the payment with PayPal. If it went through, the credits arrive by themselves."),
            "de",
            Map.of(
                    "COMPLETED",
                            "Zahlung abgeschlossen: %d Credits wurden gutgeschrieben. Sie können dieses Fenster schließen.",
                    "PENDING", "PayPal prüft die Zahlung. Die Credits kommen von selbst, sobald sie abgeschlossen ist.",
                    "APPROVED",
                            "Zahlung bestätigt. Ihre Credits werden gutgeschrieben; Sie können dieses Fenster schließen.",
                    "CANCELLED", "Die Zahlung wurde abgebrochen. Es wurde nichts berechnet.",
                    "DECLINED", "PayPal hat die Zahlung abgelehnt. Es wurde nichts berechnet.",
                    "FAILED", "Die Zahlung konnte nicht abgeschlossen werden. Es wurde nichts berechnet.",
                    "CREATED", "Die Zahlung ist noch nicht abgeschlossen.",
                    "UNKNOWN", "Diese Zahlung ist hier nicht bekannt.",
                    "CONFIRMING",
                            "Wir bestätigen die Zahlung bei PayPal. Wenn sie durchgegangen ist, kommen die Credits von selbst."));

    @Inject
    Checkout checkout;

    @Inject
    Webmasters webmasters;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String reference = request.getParameter("order");
        String paypalOrderId = request.getParameter("token");
        OrderView order = null;
        String status = "UNKNOWN";
        try {
            order = request.getServletPath().endsWith("cancel")
                    ? checkout.cancelled(reference, paypalOrderId)
                    : checkout.returned(reference, paypalOrderId);
            status = order.status();
        } catch (DomainException unknown) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        } catch (RuntimeException e) {
            // The order may well be paid: say it is being confirmed, and let the chat window read it.
            LOG.log(Level.WARNING, "PayPal return for order " + reference + " failed", e);
            status = "CONFIRMING";
        }
        String language =
                order == null ? "en" : webmasters.find(order.webmasterId()).language();
        Map<String, String> texts = TEXTS.getOrDefault(language, TEXTS.get("en"));
        String text =
                String.format(texts.getOrDefault(status, texts.get("FAILED")), order == null ? 0 : order.credits());
        String known = order != null ? order.order() : "CONFIRMING".equals(status) ? reference : null;
        String nonce = nonce();
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-" + nonce
                        + "'; frame-ancestors 'none'");
        response.getWriter().write(page(language, status, text, known, order == null ? 0 : order.credits(), nonce));
    }

    /** The page; {@code reference} (checked to be one of ours, or null) and status go to the chat window. */
    private static String page(
            String language, String status, String text, String reference, long credits, String nonce) {
        String message = reference == null || !REFERENCE.matcher(reference).matches()
                ? "null"
                : "{\"type\":\"ppv-paypal\",\"order\":\"" + reference + "\",\"status\":\"" + status + "\",\"credits\":"
                        + credits + "}";
        return "<!doctype html><html lang=\"" + language + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>PayPal</title>"
                + "<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;"
                + "min-height:100vh;background:#f6f7f9;color:#1b1f24}main{max-width:28rem;padding:2rem;"
                + "text-align:center}</style></head><body><main><p id=\"outcome\" data-status=\"" + status + "\">"
                + escaped(text) + "</p></main><script nonce=\"" + nonce + "\">(function(){var m=" + message
                + ";if(m&&window.opener){try{window.opener.postMessage(m,'*');}catch(e){}"
                + "setTimeout(function(){window.close();},1500);}})();</script></body></html>";
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
