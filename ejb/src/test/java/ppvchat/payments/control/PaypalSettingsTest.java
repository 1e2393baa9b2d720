package ppvchat.payments.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PaypalSettingsTest {

    private static PaypalSettings at(String baseUrl) {
        PaypalSettings settings = new PaypalSettings();
        settings.baseUrl = baseUrl;
        return settings;
    }

    @Test
    void paypalsOwnCertificatesAreTrusted() {
        PaypalSettings live = at("https://api-m.paypal.com");
        assertTrue(live.trustsCertificateAt("https://api.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594"));
        assertTrue(live.trustsCertificateAt("https://api.sandbox.paypal.com/v1/notifications/certs/CERT-1"));
    }

    @Test
    void theConfiguredApisOwnHostIsTrustedSoTheDoubleAndTestsWork() {
        PaypalSettings local = at("http://127.0.0.1:8089/");
        assertTrue(local.trustsCertificateAt("http://127.0.0.1:8089/v1/notifications/certs/CERT-ppv-double"));
        assertFalse(local.trustsCertificateAt("http://127.0.0.1:9999/v1/notifications/certs/CERT-ppv-double"));
        assertFalse(local.trustsCertificateAt("https://127.0.0.1:8089/cert"));
    }

    @Test
    void aForgersCertificateIsNot() {
        PaypalSettings live = at("https://api-m.paypal.com");
        for (String url : Arrays.asList(
                null,
                "",
                "https://certs.attacker.test/cert.pem",
                "http://api.paypal.com/v1/notifications/certs/CERT-1",
                "https://paypal.com.attacker.test/cert.pem",
                "https://evilpaypal.com/cert.pem",
                "https://api.paypal.com@attacker.test/cert.pem",
                "not a url at all",
                "file:///etc/passwd")) {
            assertFalse(live.trustsCertificateAt(url), String.valueOf(url));
        }
    }
}
