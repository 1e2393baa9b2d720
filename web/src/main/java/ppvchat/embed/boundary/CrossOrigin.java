package ppvchat.embed.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ppvchat.tenancy.boundary.Webmasters;

/**
 * Lets pages on a webmaster's own site use the chat embedded there. The client modules are public code that
 * any page may import; the API of a site answers browsers only on that site's allowed origins (the same
 * list the socket handshake checks). Requests without an {@code Origin} (same-origin GETs, servers) pass
 * untouched: what keeps an API call safe is its token, not this filter.
 */
@WebFilter(urlPatterns = {"/client/*", "/api/webmasters/*"})
public class CrossOrigin extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern SITE_API = Pattern.compile("/api/webmasters/([1-9]\\d{0,17})(?:/.*)?");

    @Inject
    Webmasters webmasters;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        if (path.startsWith("/client/")) {
            response.setHeader("Access-Control-Allow-Origin", "*");
            chain.doFilter(request, response);
            return;
        }
        Matcher site = SITE_API.matcher(path);
        boolean allowed = site.matches() && webmasters.allowsOrigin(Long.parseLong(site.group(1)), origin);
        response.addHeader("Vary", "Origin");
        if (allowed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Expose-Headers", "Retry-After");
        }
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            if (allowed) {
                response.setHeader("Access-Control-Allow-Methods", "GET, POST");
                response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
                response.setHeader("Access-Control-Max-Age", "600");
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setContentType("application/json");
                response.getWriter()
                        .write("{\"status\":403,\"error\":\"this site does not allow chat from pages of that origin:"
                                + " add it to the allowed origins in the console\"}");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
