package ppvchat.console;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import ppvchat.accounts.boundary.ConsoleAccounts;
import ppvchat.accounts.entity.ConsoleAccount;
import ppvchat.platform.entity.DomainException;

/**
 * The signed-in console account and the webmaster it works for. Every console query is scoped with
 * {@link #webmasterId()}; platform admins pick a webmaster explicitly (later console pages).
 */
@Named
@SessionScoped
public class CurrentAccount implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext securityContext;

    @Inject
    transient ConsoleAccounts accounts;

    @Inject
    transient ExternalContext external;

    @Inject
    transient ConsolePages pages;

    private String username;
    private String role;
    private Long webmasterId;

    private void load() {
        if (username == null) {
            ConsoleAccount account =
                    accounts.byUsername(securityContext.getCallerPrincipal().getName());
            username = account.username();
            role = account.role().name();
            webmasterId = account.webmasterId();
        }
    }

    public String getUsername() {
        load();
        return username;
    }

    public String getRole() {
        load();
        return role;
    }

    public long webmasterId() {
        load();
        if (webmasterId == null) {
            throw new DomainException("choose a webmaster first");
        }
        return webmasterId;
    }

    public void logout() throws IOException, ServletException {
        ((HttpServletRequest) external.getRequest()).logout();
        HttpSession session = (HttpSession) external.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        external.redirect(external.getRequestContextPath() + pages.getLogin());
    }
}
