package ppvchat.console;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.logging.Logger;
import ppvchat.accounts.boundary.ConsoleAccounts;

/**
 * Every console request of a signed-in account checks that the account is still enabled and its site
 * still running: disabling either ends the sessions already open, not only the next sign-in.
 */
@WebFilter(urlPatterns = "*.xhtml")
public class ConsoleAccountCheck extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ConsoleAccountCheck.class.getName());

    @Inject
    transient ConsoleAccounts accounts;

    @Inject
    transient ConsolePages pages;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal signedIn = request.getUserPrincipal();
        if (signedIn != null && !accounts.mayStillSignIn(signedIn.getName())) {
            LOG.info(() -> "console session of " + signedIn.getName() + " ended: account or site disabled");
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            request.logout();
            response.sendRedirect(request.getContextPath() + pages.getLogin());
            return;
        }
        chain.doFilter(request, response);
    }
}
