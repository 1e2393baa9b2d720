package ppvchat.external.control;

import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * Where and how to call one webmaster's server: its id (sent as {@code X-PPV-Site}), the base URL of its contract
 * endpoints, and the API secret that signs every call. The base URL must be https; plain http is accepted only on
 * the loopback interface, for tests and trials.
 */
public record ExternalSite(String webmasterId, URI baseUrl, String secret) {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public ExternalSite {
        Objects.requireNonNull(webmasterId, "webmasterId");
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("The site's API secret is missing");
        }
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase();
        if (!baseUrl.isAbsolute() || baseUrl.getHost() == null) {
            throw new IllegalArgumentException(
                    "The external base URL must be absolute, like https://www.example.com/ppv-api");
        }
        boolean loopback = LOOPBACK.contains(baseUrl.getHost().toLowerCase());
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new IllegalArgumentException(
                    "The external base URL must use https (http only on 127.0.0.1 or localhost): " + baseUrl);
        }
        String text = baseUrl.toString();
        baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    public static ExternalSite of(String webmasterId, String baseUrl, String secret) {
        try {
            return new ExternalSite(webmasterId, URI.create(baseUrl.strip()), secret);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("The ")) {
                throw e;
            }
            throw new IllegalArgumentException("The external base URL is not a URL: " + baseUrl);
        }
    }

    URI endpoint(String name) {
        return URI.create(baseUrl + "/" + name);
    }

    @Override
    public String toString() {
        return "ExternalSite[webmasterId=" + webmasterId + ", baseUrl=" + baseUrl + ", secret=(hidden)]";
    }
}
