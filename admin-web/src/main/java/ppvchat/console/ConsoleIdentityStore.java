package ppvchat.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import ppvchat.accounts.boundary.ConsoleAccounts;
import ppvchat.accounts.entity.TooManyAttempts;

/**
 * Checks console sign-ins against {@code console_account} through {@link ConsoleAccounts}: PBKDF2 hashes,
 * older ones upgraded at the next successful sign-in, failures counted per account and per address.
 * The account's role is its only group.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

    @Inject
    ConsoleAccounts accounts;

    @Inject
    HttpServletRequest request;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        try {
            return accounts.signIn(credential.getCaller(), credential.getPasswordAsString(), request.getRemoteAddr())
                    .map(role -> new CredentialValidationResult(credential.getCaller(), Set.of(role.name())))
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        } catch (TooManyAttempts refused) {
            return CredentialValidationResult.INVALID_RESULT; // the login page says why before it asks
        }
    }
}
