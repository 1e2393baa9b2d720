package ppvchat.tenancy.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import ppvchat.platform.entity.NotFound;
import ppvchat.tenancy.control.SecretBox;
import ppvchat.tenancy.entity.Webmaster;

/**
 * A site's API secret: the key its own server signs and checks calls with. Created or rotated from the
 * console, where the new secret is shown once; the database keeps it only sealed.
 */
@Stateless
public class ApiSecrets {

    /** What the console may know about a site's secret: never the secret itself. */
    public record State(boolean set, boolean sealed, Instant rotatedAt, boolean sealingReady) {}

    private static final Logger LOG = Logger.getLogger(ApiSecrets.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox box;

    @Inject
    Clock clock;

    public State state(long webmasterId) {
        Webmaster site = site(webmasterId, LockModeType.NONE);
        String stored = site.apiSecret();
        return new State(stored != null, SecretBox.isSealed(stored), site.apiSecretRotatedAt(), box.ready());
    }

    /** A new secret (64 hex digits) in place of the old one, returned once to be shown to the admin. */
    public String rotate(long webmasterId, String actor) {
        Webmaster site = site(webmasterId, LockModeType.PESSIMISTIC_WRITE);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = HexFormat.of().formatHex(bytes);
        site.keepApiSecret(box.seal(secret), clock.instant());
        LOG.info(() -> "API secret of site " + webmasterId + " rotated by " + actor);
        return secret;
    }

    /** The secret, for signing and checking calls with the site's server; empty when it has none. */
    public Optional<String> secretOf(long webmasterId) {
        String stored = site(webmasterId, LockModeType.NONE).apiSecret();
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(SecretBox.isSealed(stored) ? box.open(stored) : stored);
    }

    private Webmaster site(long webmasterId, LockModeType lock) {
        Webmaster site = em.find(Webmaster.class, webmasterId, lock);
        if (site == null) {
            throw new NotFound("no webmaster " + webmasterId);
        }
        return site;
    }
}
