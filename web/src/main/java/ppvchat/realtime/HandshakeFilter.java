package ppvchat.realtime;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ppvchat.accounts.boundary.Admitted;
import ppvchat.accounts.boundary.SocketAdmission;
import ppvchat.accounts.entity.Forbidden;
import ppvchat.accounts.entity.NotSignedIn;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.rest.ErrorMessage;

/**
 * Checks every WebSocket handshake before Tyrus makes a session of it: the protocol version, the page's
 * origin, the token (offered as the subprotocol {@code bearer.<token>}, so it never appears in a URL), a
 * ban, and the caps on sessions per user and per address. A refusal is an HTTP error with a JSON body,
 * and no session ever exists. What passed travels to the endpoint as the request's principal.
 */
@WebFilter(urlPatterns = "/ws/*", asyncSupported = true)
public class HandshakeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(HandshakeFilter.class.getName());
    private static final Pattern ROOM = Pattern.compile("/ws/webmasters/([1-9]\\d{0,17})/rooms/([1-9]\\d{0,17})");
    private static final Pattern WALL = Pattern.compile("/ws/webmasters/([1-9]\\d{0,17})/wall");
    private static final String BEARER = "bearer.";
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    SocketAdmission admission;

    @Inject
    Fanout fanout;

    @Inject
    RealtimeSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            refuse(response, 400, "this address takes WebSocket connections only");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher room = ROOM.matcher(path);
        Matcher wall = WALL.matcher(path);
        if (!room.matches() && !wall.matches()) {
            refuse(response, 404, "no such socket: see docs/protocol.md");
            return;
        }
        List<String> protocols = protocols(request);
        if (!protocols.contains(WireFormat.SUBPROTOCOL)) {
            refuse(response, 400, "ask for the subprotocol " + WireFormat.SUBPROTOCOL);
            return;
        }
        Optional<String> token = protocols.stream()
                .filter(p -> p.startsWith(BEARER))
                .map(p -> p.substring(BEARER.length()))
                .findFirst();
        String origin = request.getHeader("Origin");
        String address = request.getRemoteAddr();
        try {
            long webmasterId = Long.parseLong((room.matches() ? room : wall).group(1));
            Admitted who = room.matches() || token.isPresent()
                    ? admission.admit(webmasterId, token.orElse(null), origin)
                    : admission.admitVisitor(webmasterId, origin);
            if (fanout.sessionsFrom(address) >= settings.sessionsPerAddress()) {
                refuse(response, 429, "too many connections from your address");
                return;
            }
            if (who.signedIn() && fanout.sessionsOf(webmasterId, who.userId()) >= settings.sessionsPerUser()) {
                refuse(response, 429, "too many connections for one user: close another tab");
                return;
            }
            SocketPrincipal principal = new SocketPrincipal(who, address);
            chain.doFilter(
                    new HttpServletRequestWrapper(request) {
                        @Override
                        public Principal getUserPrincipal() {
                            return principal;
                        }
                    },
                    response);
        } catch (EJBException e) {
            LOG.log(Level.SEVERE, "a handshake failed", e);
            refuse(response, 500, "the handshake failed; try again");
        } catch (RuntimeException e) {
            int status = statusOf(e);
            if (status == 500) {
                LOG.log(Level.SEVERE, "a handshake failed", e);
            }
            refuse(response, status, e.getMessage());
        }
    }

    private static int statusOf(RuntimeException refusal) {
        if (refusal instanceof NotSignedIn) {
            return 401;
        }
        if (refusal instanceof Forbidden) {
            return 403;
        }
        if (refusal instanceof NotFound) {
            return 404;
        }
        return refusal instanceof DomainException ? 400 : 500;
    }

    /** Every offered subprotocol, however the client split them over headers. */
    private static List<String> protocols(HttpServletRequest request) {
        List<String> protocols = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("Sec-WebSocket-Protocol"))) {
            for (String protocol : header.split(",")) {
                if (!protocol.isBlank()) {
                    protocols.add(protocol.strip());
                }
            }
        }
        return protocols;
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        String shown = status == 500 ? "the handshake failed; try again" : String.valueOf(message);
        response.getWriter().write(JSON.toJson(new ErrorMessage(status, shown)));
        // Committed at once: a client that drops the connection on reading the status must not turn it into a 500.
        response.flushBuffer();
    }
}
