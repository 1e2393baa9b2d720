package ppvchat.signaling.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ppvchat.signaling.boundary.IceServer;

/**
 * The STUN and TURN servers a client's peer connections use, from configuration. TURN credentials follow
 * the TURN REST API convention (coturn's {@code use-auth-secret}): the username is the expiry time and the
 * user, the password is the base64 HMAC-SHA1 of the username under the secret shared with the TURN server.
 * The secret itself never leaves this server.
 */
@ApplicationScoped
public class IceServers {

    @Inject
    @ConfigProperty(name = "ppv.ice.stun-urls")
    Optional<String> stunUrls;

    @Inject
    @ConfigProperty(name = "ppv.ice.turn-urls")
    Optional<String> turnUrls;

    /** Set it as {@code PPV_ICE_TURN_SECRET}. */
    @Inject
    @ConfigProperty(name = "ppv.ice.turn-secret")
    Optional<String> turnSecret;

    @Inject
    @ConfigProperty(name = "ppv.ice.turn-ttl-seconds", defaultValue = "3600")
    long turnTtlSeconds;

    @Inject
    Clock clock;

    public List<IceServer> forUser(long webmasterId, long userId) {
        List<IceServer> servers = new ArrayList<>();
        List<String> stun = split(stunUrls);
        if (!stun.isEmpty()) {
            servers.add(IceServer.stun(stun));
        }
        List<String> turn = split(turnUrls);
        if (!turn.isEmpty() && turnSecret.filter(s -> !s.isBlank()).isPresent()) {
            long expires = clock.instant().getEpochSecond() + turnTtlSeconds;
            String username = expires + ":" + webmasterId + "-" + userId;
            servers.add(new IceServer(turn, username, credential(turnSecret.get(), username)));
        }
        return servers;
    }

    static String credential(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    private static List<String> split(Optional<String> urls) {
        return Arrays.stream(urls.orElse("").split("[\\s,]+"))
                .map(String::strip)
                .filter(u -> !u.isEmpty())
                .toList();
    }
}
