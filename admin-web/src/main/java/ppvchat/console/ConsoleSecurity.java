package ppvchat.console;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Console sign-in: a form (the login page posts through {@link LoginBacking}) checked against
 * {@code console_account} by {@link ConsoleIdentityStore}. The account's role is its only group.
 * The login page's path is an expression because the console is at the root of its own WAR on Payara
 * Server and under {@code /admin} inside the single WAR on Payara Micro.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue =
                @LoginToContinue(loginPage = "#{consolePages.login}", errorPage = "", useForwardToLogin = false))
@DeclareRoles({
    ConsoleRoles.PLATFORM_ADMIN,
    ConsoleRoles.WEBMASTER_ADMIN,
    ConsoleRoles.MODERATOR,
    ConsoleRoles.ACCOUNTANT
})
@ApplicationScoped
public class ConsoleSecurity {}
