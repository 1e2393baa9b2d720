package ppvchat.console;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ppvchat.accounts.boundary.ConsoleAccounts;
import ppvchat.accounts.entity.TooManyAttempts;

/** The login form: hands the credentials to Jakarta Security and follows where it sends the browser. */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleAccounts accounts;

    /** How long a console session lasts without a request (web.xml's 30 minutes unless set). */
    @Inject
    @ConfigProperty(name = "ppv.console.session-timeout-seconds", defaultValue = "1800")
    int sessionTimeoutSeconds;

    @NotBlank
    @Size(max = 64)
    private String username;

    @NotBlank
    @Size(max = 200)
    private String password;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        try {
            accounts.requireSignInAllowed(username, ((HttpServletRequest) external.getRequest()).getRemoteAddr());
        } catch (TooManyAttempts refused) {
            long minutes = Math.max(1, (refused.retryAfterSeconds() + 59) / 60);
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR,
                            "Too many failed sign-ins. Try again in " + minutes
                                    + (minutes == 1 ? " minute." : " minutes."),
                            null));
            return;
        }
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                withParams().credential(new UsernamePasswordCredential(username, new Password(password))));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> {
                external.setSessionMaxInactiveInterval(sessionTimeoutSeconds);
                external.redirect(external.getRequestContextPath() + pages.getHome());
            }
            default -> faces.addMessage(
                    null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Wrong username or password.", null));
        }
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
}
