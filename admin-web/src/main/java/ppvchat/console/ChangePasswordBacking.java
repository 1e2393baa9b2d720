package ppvchat.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import ppvchat.accounts.boundary.ConsoleAccounts;
import ppvchat.platform.entity.DomainException;

/** The signed-in account changes its own password, after giving the current one. */
@Named
@RequestScoped
public class ChangePasswordBacking {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    ConsoleAccounts accounts;

    @NotBlank
    @Size(max = 200)
    private String current;

    @NotBlank
    @Size(max = 200)
    private String next;

    @NotBlank
    @Size(max = 200)
    private String repeated;

    public void change() {
        if (!next.equals(repeated)) {
            ConsoleMessages.error("The new password and its repetition differ.");
            return;
        }
        String address = ((HttpServletRequest) faces.getExternalContext().getRequest()).getRemoteAddr();
        try {
            accounts.changePassword(securityContext.getCallerPrincipal().getName(), current, next, address);
            ConsoleMessages.info("Password changed.");
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
        }
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
