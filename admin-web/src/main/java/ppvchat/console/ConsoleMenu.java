package ppvchat.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

/**
 * Which groups of console pages the signed-in account has, for the menu. The pages themselves are
 * guarded by the security constraints in {@code web.xml}; these groups mirror them.
 */
@Named
@RequestScoped
public class ConsoleMenu {

    @Inject
    SecurityContext security;

    /** Settings, users, packages, performers, roles: a site's admins. */
    public boolean isAdministering() {
        return has(ConsoleRoles.PLATFORM_ADMIN) || has(ConsoleRoles.WEBMASTER_ADMIN);
    }

    /** Live rooms, moderation, support: a site's admins and moderators. */
    public boolean isModerating() {
        return isAdministering() || has(ConsoleRoles.MODERATOR);
    }

    /** Payments, reports, payouts: a site's admins and accountants. */
    public boolean isAccounting() {
        return isAdministering() || has(ConsoleRoles.ACCOUNTANT);
    }

    /** Creating, disabling and choosing sites: platform admins. */
    public boolean isRunningThePlatform() {
        return has(ConsoleRoles.PLATFORM_ADMIN);
    }

    private boolean has(String role) {
        return security.isCallerInRole(role);
    }
}
