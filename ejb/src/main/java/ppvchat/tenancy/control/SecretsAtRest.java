package ppvchat.tenancy.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import ppvchat.tenancy.entity.Webmaster;

/**
 * At start, seals API secrets that an older version stored as they were. Without PPV_SECRETS_KEY it
 * leaves them and says so, once, in the log.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class SecretsAtRest {

    private static final Logger LOG = Logger.getLogger(SecretsAtRest.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox box;

    @Inject
    Clock clock;

    @PostConstruct
    void sealWhatIsOpen() {
        List<Webmaster> open = em.createNamedQuery(Webmaster.ALL, Webmaster.class)
                .getResultStream()
                .filter(site -> site.apiSecret() != null && !SecretBox.isSealed(site.apiSecret()))
                .toList();
        if (open.isEmpty()) {
            return;
        }
        if (!box.ready()) {
            LOG.warning(
                    () -> open.size() + " site(s) keep their API secret unsealed: set PPV_SECRETS_KEY to seal them");
            return;
        }
        for (Webmaster site : open) {
            site.keepApiSecret(
                    box.seal(site.apiSecret()),
                    site.apiSecretRotatedAt() == null ? clock.instant() : site.apiSecretRotatedAt());
        }
        LOG.info(() -> "sealed the API secrets of " + open.size() + " site(s)");
    }
}
