package ppvchat.tenancy.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ppvchat.accounts.control.PasswordHashing;
import ppvchat.accounts.entity.ConsoleAccount;
import ppvchat.accounts.entity.ConsoleRole;
import ppvchat.platform.entity.DomainException;

/**
 * A new installation's first platform admin, from PPV_PLATFORM_ADMIN_USERNAME and
 * PPV_PLATFORM_ADMIN_PASSWORD, made once while the platform has none. From then on that admin creates the
 * sites and their admins in the console, and the settings can be removed.
 */
@Startup
@Singleton
@DependsOn({"SchemaMigration", "DemoData"})
public class FirstPlatformAdmin {

    private static final Logger LOG = Logger.getLogger(FirstPlatformAdmin.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "ppv.platform.admin-username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "ppv.platform.admin-password")
    Optional<String> password;

    @PostConstruct
    void createWhenNone() {
        long admins = em.createQuery("SELECT COUNT(a) FROM ConsoleAccount a WHERE a.role = :role", Long.class)
                .setParameter("role", ConsoleRole.PLATFORM_ADMIN)
                .getSingleResult();
        if (admins > 0) {
            return;
        }
        if (username.isEmpty() || password.isEmpty()) {
            LOG.warning("no platform admin yet: set PPV_PLATFORM_ADMIN_USERNAME and PPV_PLATFORM_ADMIN_PASSWORD"
                    + " and restart to create the first one");
            return;
        }
        if (!username.get().matches("[a-zA-Z0-9._@-]{3,64}")) {
            LOG.severe("PPV_PLATFORM_ADMIN_USERNAME has 3 to 64 letters, digits, dots, dashes, underscores or @;"
                    + " no platform admin was created");
            return;
        }
        boolean taken = !em.createNamedQuery(ConsoleAccount.BY_USERNAME, ConsoleAccount.class)
                .setParameter("username", username.get())
                .getResultList()
                .isEmpty();
        if (taken) {
            LOG.severe(() -> "PPV_PLATFORM_ADMIN_USERNAME " + username.get()
                    + " is a site's console account already; no platform admin was created");
            return;
        }
        String hash;
        try {
            hash = hashing.hash(password.get());
        } catch (DomainException weak) {
            LOG.severe(() -> "PPV_PLATFORM_ADMIN_PASSWORD: " + weak.getMessage() + "; no platform admin was created");
            return;
        }
        em.persist(new ConsoleAccount(null, username.get(), hash, ConsoleRole.PLATFORM_ADMIN, clock.instant()));
        LOG.info(() -> "first platform admin " + username.get() + " created; the password settings can go now");
    }
}
