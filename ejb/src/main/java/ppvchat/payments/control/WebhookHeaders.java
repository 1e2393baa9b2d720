package ppvchat.payments.control;

import java.util.Map;
import java.util.TreeMap;

/** The PAYPAL-* headers a webhook delivery carries, which its verification needs. */
public record WebhookHeaders(
        String transmissionId, String transmissionTime, String transmissionSig, String certUrl, String authAlgo) {

    public static WebhookHeaders of(Map<String, String> headers) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return new WebhookHeaders(
                byName.get("PAYPAL-TRANSMISSION-ID"),
                byName.get("PAYPAL-TRANSMISSION-TIME"),
                byName.get("PAYPAL-TRANSMISSION-SIG"),
                byName.get("PAYPAL-CERT-URL"),
                byName.get("PAYPAL-AUTH-ALGO"));
    }

    public boolean complete() {
        return transmissionId != null
                && transmissionTime != null
                && transmissionSig != null
                && certUrl != null
                && authAlgo != null;
    }

    /** As stored with the message: one header per line. */
    public String text() {
        return "PAYPAL-TRANSMISSION-ID: " + transmissionId + "\nPAYPAL-TRANSMISSION-TIME: " + transmissionTime
                + "\nPAYPAL-TRANSMISSION-SIG: " + transmissionSig + "\nPAYPAL-CERT-URL: " + certUrl
                + "\nPAYPAL-AUTH-ALGO: " + authAlgo + "\n";
    }

    /** Reads back {@link #text()}. */
    public static WebhookHeaders parse(String text) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (text != null) {
            for (String line : text.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    String value = line.substring(colon + 2);
                    headers.put(line.substring(0, colon), "null".equals(value) ? null : value);
                }
            }
        }
        return of(headers);
    }
}
