package ppvchat.console.roles;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import ppvchat.accounts.boundary.ConsoleAccounts;
import ppvchat.accounts.entity.ConsoleRole;
import ppvchat.accounts.entity.Permission;
import ppvchat.accounts.entity.Role;
import ppvchat.console.ConsoleMessages;
import ppvchat.console.CurrentAccount;
import ppvchat.platform.entity.DomainException;
import ppvchat.tenancy.boundary.RolePermissions;

/**
 * The Roles page: a grid of chat roles and permissions, each cell granted or revoked on its own, and the
 * site's console accounts (who signs in to this console with which role), added and turned off here.
 */
@Named
@ViewScoped
public class RolesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentAccount account;

    @Inject
    transient RolePermissions permissions;

    @Inject
    transient ConsoleAccounts accounts;

    private List<RolePermissions.Grants> grants;
    private List<ConsoleAccounts.Staff> staff;
    private String username;
    private String password;
    private ConsoleRole role = ConsoleRole.MODERATOR;

    private long siteId;

    @PostConstruct
    void load() {
        siteId = account.webmasterId();
        grants = permissions.of(siteId);
        staff = accounts.staffOf(siteId);
    }

    public void toggle(Role chatRole, Permission permission) {
        RolePermissions.Grants now =
                grants.stream().filter(g -> g.role() == chatRole).findFirst().orElseThrow();
        boolean grant = !now.has(permission);
        change(
                () -> permissions.change(account.stillOn(siteId), chatRole, permission, grant, account.getUsername()),
                (grant ? "Granted " : "Revoked ") + label(permission) + " for " + label(chatRole) + ".");
    }

    public void addAccount() {
        try {
            accounts.create(account.stillOn(siteId), username, password, role);
            ConsoleMessages.info("Console account " + username + " added: it signs in with the password you chose.");
            username = null;
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
        } finally {
            password = null;
        }
        load();
    }

    public void enable(long accountId, boolean enabled) {
        change(
                () -> accounts.enable(account.stillOn(siteId), accountId, enabled, account.getUsername()),
                enabled ? "Account enabled." : "Account disabled: it can no longer sign in.");
    }

    private void change(Runnable change, String done) {
        ConsoleMessages.attempt(change, done);
        load();
    }

    public static String label(Enum<?> value) {
        String words = value.name().toLowerCase().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public String labelOf(Enum<?> value) {
        return label(value);
    }

    public List<RolePermissions.Grants> getGrants() {
        return grants;
    }

    public List<Permission> getPermissions() {
        return List.of(Permission.values());
    }

    public List<ConsoleAccounts.Staff> getStaff() {
        return staff;
    }

    public List<ConsoleRole> getConsoleRoles() {
        return List.of(ConsoleRole.WEBMASTER_ADMIN, ConsoleRole.MODERATOR, ConsoleRole.ACCOUNTANT);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public ConsoleRole getRole() {
        return role;
    }

    public void setRole(ConsoleRole role) {
        this.role = role;
    }
}
