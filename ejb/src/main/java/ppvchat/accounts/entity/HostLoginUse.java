package ppvchat.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A host login token that has signed someone in. Its key is the site and the token's {@code jti}; a second
 * use of the same token finds the row and is refused. Rows go once the token would have expired anyway.
 */
@Entity
@Table(name = "host_login_use")
@NamedQuery(
        name = HostLoginUse.DELETE_EXPIRED,
        query = "DELETE FROM HostLoginUse u WHERE u.webmasterId = :webmasterId AND u.expiresAt < :now")
public class HostLoginUse {

    public static final String DELETE_EXPIRED = "HostLoginUse.deleteExpired";

    @Id
    @Column(name = "token_key", length = 160)
    private String tokenKey;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    protected HostLoginUse() {}

    public HostLoginUse(long webmasterId, String tokenId, Instant expiresAt) {
        this.tokenKey = keyOf(webmasterId, tokenId);
        this.webmasterId = webmasterId;
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    public static String keyOf(long webmasterId, String tokenId) {
        return webmasterId + ":" + Objects.requireNonNull(tokenId);
    }
}
