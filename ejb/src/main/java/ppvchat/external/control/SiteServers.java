package ppvchat.external.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ppvchat.platform.entity.DomainException;
import ppvchat.tenancy.boundary.ApiSecrets;
import ppvchat.tenancy.entity.Webmaster;

/**
 * One {@link WebmasterServer} client per site in external mode, made again when the site's address or secret
 * changes. The clients are thread-safe and keep their connections.
 */
@ApplicationScoped
public class SiteServers {

    private record Client(String baseUrl, String secret, WebmasterServer server) {}

    private final Map<Long, Client> clients = new ConcurrentHashMap<>();

    @Inject
    ApiSecrets secrets;

    public WebmasterServer of(Webmaster site) {
        if (site.externalBaseUrl() == null) {
            throw new DomainException("this site has no external server address: set it in the console's Settings");
        }
        String secret = secrets.secretOf(site.id())
                .orElseThrow(() -> new DomainException(
                        "this site has no API secret yet: its admin creates one in the console's Settings"));
        Client client = clients.get(site.id());
        if (client == null
                || !client.baseUrl().equals(site.externalBaseUrl())
                || !client.secret().equals(secret)) {
            ExternalSite address;
            try {
                address = ExternalSite.of(Long.toString(site.id()), site.externalBaseUrl(), secret);
            } catch (IllegalArgumentException e) {
                throw new DomainException(e.getMessage());
            }
            client = new Client(site.externalBaseUrl(), secret, new WebmasterServer(address));
            clients.put(site.id(), client);
        }
        return client.server();
    }
}
