package ppvchat.embed.boundary;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ppvchat.rest.ErrorMessage;
import ppvchat.tenancy.boundary.Webmasters;
import ppvchat.tenancy.entity.Webmaster;

/**
 * Lets pages on a webmaster's own site use the chat embedded there. The client modules are public code that
 * any page may import; the API of a site answers browsers only on that site's allowed origins (the same
 * list the socket handshake and the embed script check). A request from a page elsewhere is refused before
 * it runs, with the setting that would allow it; calls from servers carry no Origin and pass.
 */
@WebFilter(urlPatterns = {"/client/*", "/api/webmasters/*"})
public class CrossOrigin extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Pattern SITE_API = Pattern.compile("/api/webmasters/(\\d{1,18})(?:/.*)?");

    @Inject
    Webmasters webmasters;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.startsWith("/client/")) {
            // Always, not only when asked: a cache may hand this copy to a cross-origin import().
            response.setHeader("Access-Control-Allow-Origin", "*");
            chain.doFilter(request, response);
            return;
        }
        // The answer depends on the origin: caches must keep one per origin, asked or not.
        response.addHeader("Vary", "Origin");
        String origin = request.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        Matcher site = SITE_API.matcher(path);
        if (!site.matches()) {
            chain.doFilter(request, response);
            return;
        }
        if (!webmasters.allowsOrigin(Long.parseLong(site.group(1)), origin)) {
            // Refused before anything runs: a page elsewhere must not even spend a one-use login token. It may
            // read the refusal, though, so that its console can say which setting to change.
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JSON.toJson(new ErrorMessage(403, Webmaster.originRefusal(origin))));
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Access-Control-Expose-Headers", "Retry-After");
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            response.setHeader("Access-Control-Allow-Methods", "GET, POST");
            response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(request, response);
    }
}
