package ppvchat.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.Objects;

/**
 * A sign-in for the admin console. The password is stored only as a PBKDF2 hash in the format of
 * Jakarta Security's {@code Pbkdf2PasswordHash}, which the console's identity store verifies.
 */
@Entity
@Table(name = "console_account")
@NamedQuery(name = ConsoleAccount.BY_USERNAME, query = "SELECT a FROM ConsoleAccount a WHERE a.username = :username")
public class ConsoleAccount {

    public static final String BY_USERNAME = "ConsoleAccount.byUsername";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Null only for platform admins. */
    @Column(name = "webmasterid", updatable = false)
    private Long webmasterId;

    @NotNull
    @Pattern(regexp = "[a-zA-Z0-9._@-]{3,64}")
    @Column(updatable = false)
    private String username;

    @NotBlank
    @Pattern(regexp = "PBKDF2With\\S+", message = "must be a PBKDF2 hash, never a password")
    @Column(name = "password_hash")
    private String passwordHash;

    @NotNull
    @Enumerated(EnumType.STRING)
    private ConsoleRole role;

    private boolean enabled;

    @NotNull
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ConsoleAccount() {}

    public ConsoleAccount(Long webmasterId, String username, String passwordHash, ConsoleRole role, Instant createdAt) {
        if (role.belongsToWebmaster() != (webmasterId != null)) {
            throw new IllegalArgumentException(
                    role.belongsToWebmaster() ? role + " needs a webmaster" : role + " belongs to no webmaster");
        }
        this.webmasterId = webmasterId;
        this.username = Objects.requireNonNull(username);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.role = role;
        this.enabled = true;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public String passwordHash() {
        return passwordHash;
    }

    public void changePasswordHash(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash);
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Long id() {
        return id;
    }

    public Long webmasterId() {
        return webmasterId;
    }

    public String username() {
        return username;
    }

    public ConsoleRole role() {
        return role;
    }

    public boolean enabled() {
        return enabled;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ConsoleAccount other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return ConsoleAccount.class.hashCode();
    }
}
