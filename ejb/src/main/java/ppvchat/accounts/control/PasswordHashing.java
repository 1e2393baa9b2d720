package ppvchat.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.Optional;
import ppvchat.platform.entity.DomainException;

/**
 * Chat passwords as PBKDF2-HMAC-SHA256 hashes, 600,000 iterations and a 32-byte salt (OWASP's figure for
 * this algorithm), in Jakarta Security's format, which carries its parameters: hashes made with other
 * parameters still verify.
 */
@ApplicationScoped
public class PasswordHashing {

    static final int ITERATIONS = 600_000;
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** Checked when no user has the name, so that a wrong name costs as long as a wrong password. */
    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = pbkdf2.generate("not anyone's password".toCharArray());
    }

    /** The hash of a new password; refuses one too short or too long. */
    public String hash(String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new DomainException("a password has " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        return pbkdf2.generate(password.toCharArray());
    }

    /**
     * Whether a stored hash is weaker than what new passwords get (another algorithm, fewer iterations), so
     * that it is replaced at the next successful sign-in.
     */
    public boolean isWeak(String storedHash) {
        String[] parts = storedHash.split(":");
        try {
            return parts.length != 4
                    || !"PBKDF2WithHmacSHA256".equals(parts[0])
                    || Integer.parseInt(parts[1]) < ITERATIONS;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Whether the password matches the stored hash; takes as long when there is no hash. */
    public boolean matches(String password, Optional<String> storedHash) {
        if (password == null || password.length() > MAX_LENGTH) {
            return false;
        }
        boolean matches = pbkdf2.verify(password.toCharArray(), storedHash.orElse(decoy));
        return matches && storedHash.isPresent();
    }
}
