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
import ppvchat.accounts.entity.ConsoleRole;
import ppvchat.platform.entity.DomainException;
import ppvchat.tenancy.boundary.Webmasters;
import ppvchat.tenancy.entity.Webmaster;

/**
 * The signed-in console account and the webmaster it works for. Every console query is scoped with
 * {@link #webmasterId()}: a site's accounts always work on their own site; a platform admin works on the
 * site chosen on the Webmasters page (the oldest running one until then).
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

    @Inject
    transient Webmasters webmasters;

    private String username;
    private String role;
    private Long webmasterId;
    private boolean platformAdmin;

    private void load() {
        if (username == null) {
            ConsoleAccount account =
                    accounts.byUsername(securityContext.getCallerPrincipal().getName());
            username = account.username();
            role = account.role().name();
            webmasterId = account.webmasterId();
            platformAdmin = account.role() == ConsoleRole.PLATFORM_ADMIN;
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
        if (platformAdmin && webmasterId != null && webmasters.any(webmasterId).disabled()) {
            webmasterId = null; // the site chosen was disabled since: back to the oldest running one
        }
        if (webmasterId == null) {
            webmasterId = webmasters.all().stream()
                    .filter(site -> !site.disabled())
                    .findFirst()
                    .map(Webmaster::id)
                    .orElseThrow(() -> new DomainException("there is no site yet: create one on the Webmasters page"));
        }
        return webmasterId;
    }

    /**
     * The site a page was loaded for, if the console still works on it: a platform admin who chose another
     * site in another tab must not save this page's form into that one.
     */
    public long stillOn(long siteId) {
        if (webmasterId() != siteId) {
            throw new DomainException(
                    "this page was opened for another site than the one you now work on (chosen in another tab):"
                            + " open the page again");
        }
        return siteId;
    }

    /** A platform admin works on another site from now on; a site's own accounts cannot. */
    public void workOn(long siteId) {
        load();
        if (!platformAdmin) {
            throw new DomainException("only platform admins work on other sites");
        }
        Webmaster site = webmasters.any(siteId);
        if (site.disabled()) {
            throw new DomainException(site.name() + " is disabled: enable it to work on it");
        }
        webmasterId = site.id();
    }

    public boolean isPlatformAdmin() {
        load();
        return platformAdmin;
    }

    /** The name of the site the console works on, for the header. */
    public String getSiteName() {
        try {
            return webmasters.any(webmasterId()).name();
        } catch (DomainException none) {
            return "no site yet";
        }
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
