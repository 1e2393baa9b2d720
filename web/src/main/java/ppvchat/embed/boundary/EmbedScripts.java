package ppvchat.embed.boundary;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ppvchat.platform.entity.NotFound;
import ppvchat.tenancy.boundary.EmbedSettings;
import ppvchat.tenancy.boundary.Webmasters;
import ppvchat.tenancy.entity.Webmaster;

/**
 * The two script tags a webmaster pastes: {@code /embed/{webmasterId}/user.js} (the performer wall and the
 * rooms) and {@code /embed/{webmasterId}/performer.js} (the performer's page). Each is a small loader that
 * puts a host element after its own tag and imports the client modules from this server, handing them the
 * site's settings. The server's address is read from the tag's own {@code src}, so a proxy in front needs no
 * configuration. A page on an origin the site does not allow (as its Referer tells) gets a script that says
 * so in place of the chat; a page that sends no Referer gets the chat, whose API calls and sockets are then
 * refused the same way.
 */
@WebServlet(urlPatterns = "/embed/*", loadOnStartup = 1)
public class EmbedScripts extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern SCRIPT = Pattern.compile("/([1-9]\\d{0,17})/(user|performer)\\.js");
    private static final Jsonb JSON = JsonbBuilder.create();

    /** The settings as the client's {@code mount(host, config)} receives them ({@code base} is added by the loader). */
    public record ClientConfig(
            String kind,
            long webmasterId,
            String siteName,
            String language,
            List<String> languages,
            String currency,
            String chatCss,
            String wallCss) {}

    @Inject
    Webmasters webmasters;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/javascript");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
        // Settings change in the console: browsers revalidate, and never keep it past that.
        response.setHeader("Cache-Control", "no-cache");
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        Matcher script = SCRIPT.matcher(path);
        if (!script.matches()) {
            fail(
                    response,
                    404,
                    "no such script: use /embed/{site number}/user.js or /embed/{site number}/performer.js");
            return;
        }
        long webmasterId = Long.parseLong(script.group(1));
        EmbedSettings site;
        try {
            site = webmasters.embedding(webmasterId);
        } catch (NotFound e) {
            fail(
                    response,
                    404,
                    "there is no site " + webmasterId + " on this server: check the number in the script address");
            return;
        }
        String page = originOf(request.getHeader("Referer"));
        if (page != null && !page.equals(ownOrigin(request)) && !webmasters.allowsOrigin(webmasterId, page)) {
            // Executed, not refused with a status: the webmaster should see why, on the page and in its console.
            response.getWriter().write(Loader.refusal(JSON.toJson(Webmaster.originRefusal(page))));
            return;
        }
        ClientConfig config = new ClientConfig(
                script.group(2),
                site.webmasterId(),
                site.siteName(),
                site.language(),
                Webmaster.LANGUAGES,
                site.currency(),
                site.chatCss(),
                site.wallCss());
        response.getWriter().write(Loader.script(JSON.toJson(config)));
    }

    /** The origin of the page that loads the script, from its Referer; null when it sent none we can read. */
    static String originOf(String referer) {
        if (referer == null || referer.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(referer.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase()
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The chat server's own pages (the demo, the console's preview) may always load the script. */
    private static String ownOrigin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean usual = ("http".equals(request.getScheme()) && port == 80)
                || ("https".equals(request.getScheme()) && port == 443);
        return request.getScheme() + "://" + request.getServerName().toLowerCase() + (usual ? "" : ":" + port);
    }

    private static void fail(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.getWriter().write("console.error(" + JSON.toJson("PPV Chat: " + message) + ");\n");
    }
}
