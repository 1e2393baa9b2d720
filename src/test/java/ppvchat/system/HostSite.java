package ppvchat.system;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * A webmaster's own site on another origin (another port on loopback): its page of one performer has the
 * chat's script tag, opened at that performer's room, with a login token for its signed-in user, signed fresh
 * for every page view exactly as docs/auto-login.md shows in Java.
 */
final class HostSite implements AutoCloseable {

    /** The host's signed-in user, as its server knows them. */
    record HostUser(String id, String username, String role) {}

    private final HttpServer server;

    private HostSite(HttpServer server) {
        this.server = server;
    }

    /** The page of one performer ({@code data-performer}), for {@code user}. */
    static HostSite start(URI chat, long webmasterId, long performerId, String apiSecret, HostUser user) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/room.html", exchange -> {
                String page =
                        """
                        <!DOCTYPE html>
                        <html lang="en"><head><meta charset="utf-8"><title>Host site</title></head>
                        <body><h1>Welcome back, %s</h1>
                        <script src="%s/embed/%d/user.js" data-performer="%d" data-login="%s"></script>
                        </body></html>
                        """
                                .formatted(
                                        user.username(),
                                        chat.toString().replaceAll("/$", ""),
                                        webmasterId,
                                        performerId,
                                        loginToken(webmasterId, apiSecret, user));
                byte[] body = page.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new HostSite(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page at {@code host} (localhost or 127.0.0.1: the same server, two origins). */
    URI page(String host) {
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + "/room.html");
    }

    String origin(String host) {
        return "http://" + host + ":" + server.getAddress().getPort();
    }

    /** The Java example of docs/auto-login.md, as it is there. */
    static String loginToken(long webmasterId, String apiSecret, HostUser user) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience("ppv-chat/" + webmasterId)
                .subject(user.id())
                .claim("username", user.username())
                .claim("role", user.role())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(120)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            token.sign(new MACSigner(apiSecret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException("the API secret cannot sign HS256", e);
        }
        return token.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
