package ppvchat.payments.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The deployment's PayPal REST app. The client secret comes from the environment
 * ({@code PPV_PAYPAL_CLIENT_SECRET}); it is never written to a file, the database or a log.
 */
@ApplicationScoped
public class PaypalSettings {

    @Inject
    @ConfigProperty(name = "ppv.paypal.base-url", defaultValue = "https://api-m.sandbox.paypal.com")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "ppv.paypal.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "ppv.paypal.client-secret")
    Optional<String> clientSecret;

    /** The id PayPal gave the webhook when it was registered; verification needs it. */
    @Inject
    @ConfigProperty(name = "ppv.paypal.webhook-id")
    Optional<String> webhookId;

    @Inject
    @ConfigProperty(name = "ppv.paypal.timeout-seconds", defaultValue = "15")
    int timeoutSeconds;

    public boolean configured() {
        return clientId.filter(id -> !id.isBlank()).isPresent()
                && clientSecret.filter(secret -> !secret.isBlank()).isPresent();
    }

    public URI baseUrl() {
        return URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
    }

    String clientId() {
        return clientId.orElseThrow();
    }

    String clientSecret() {
        return clientSecret.orElseThrow();
    }

    public Optional<String> webhookId() {
        return webhookId.filter(id -> !id.isBlank());
    }

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    /**
     * A webhook's PAYPAL-CERT-URL must be PayPal's own (https on paypal.com) or the configured API's,
     * so a forger cannot name a certificate of his own; PayPal's verify call then checks the signature.
     */
    public boolean trustsCertificateAt(String certUrl) {
        if (certUrl == null) {
            return false;
        }
        try {
            URI cert = URI.create(certUrl);
            URI api = baseUrl();
            if (cert.getHost() == null) {
                return false;
            }
            String host = cert.getHost().toLowerCase(Locale.ROOT);
            boolean paypal =
                    "https".equals(cert.getScheme()) && (host.equals("paypal.com") || host.endsWith(".paypal.com"));
            boolean sameAsApi = api.getScheme().equals(cert.getScheme())
                    && api.getHost().equalsIgnoreCase(host)
                    && api.getPort() == cert.getPort();
            return paypal || sameAsApi;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
