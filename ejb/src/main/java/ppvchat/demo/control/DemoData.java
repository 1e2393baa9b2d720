package ppvchat.demo.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ppvchat.accounts.control.PasswordHashing;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.ConsoleAccount;
import ppvchat.accounts.entity.ConsoleRole;
import ppvchat.accounts.entity.Gender;
import ppvchat.accounts.entity.Role;
import ppvchat.ledger.control.Ledger;
import ppvchat.payments.entity.CreditItem;
import ppvchat.performers.entity.Performer;
import ppvchat.performers.entity.PerformerPhoto;
import ppvchat.support.entity.SupportTicket;
import ppvchat.tenancy.entity.Webmaster;

/**
 * Fills an empty database with a demo site when {@code ppv.demo.enabled} is true: a webmaster, performers
 * with photos, users with credits (posted through the ledger like any other credits), credit packages and
 * a console sign-in. Does nothing once any webmaster exists, so restarts keep what was there.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    Clock clock;

    @Inject
    Ledger ledger;

    @Inject
    @ConfigProperty(name = "ppv.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "ppv.demo.admin-password", defaultValue = "demo-admin")
    String adminPassword;

    @Inject
    @ConfigProperty(name = "ppv.demo.chat-password", defaultValue = "demo-chat")
    String chatPassword;

    @Inject
    PasswordHashing chatPasswords;

    /** One hash for every demo chat login: 600,000 PBKDF2 iterations once, not once per account. */
    private String chatPasswordHash;

    @Inject
    @ConfigProperty(name = "ppv.demo.origins", defaultValue = "http://localhost:8080 http://127.0.0.1:8080")
    String origins;

    @PostConstruct
    void loadOnce() {
        if (!enabled
                || !em.createNamedQuery(Webmaster.ALL, Webmaster.class)
                        .setMaxResults(1)
                        .getResultList()
                        .isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        chatPasswordHash = chatPasswords.hash(chatPassword);
        Webmaster site = new Webmaster("Starlight Advice", "USD", new BigDecimal("0.02"), now);
        site.receivePaymentsAt("payments@starlight.example");
        site.allowOrigins(List.of(origins.split("\\s+")));
        site.limitRates(10, 300);
        // The site's own touch on the chat and the wall, as a webmaster would set it in the console.
        site.styleWith(".ppv-chat-line .ppv-from { color: #8a2be2; }", ".ppv-wall .ppv-card { border-width: 3px; }");
        em.persist(site);
        em.flush();

        performer(site, "luna", "Luna Starwise", "Astrology and birth charts", 60, "#5b3cc4", "#e96fb6", now);
        performer(site, "mara", "Mara Quill", "Contract and tenancy law", 120, "#0f5c6e", "#4fc1a6", now);
        performer(site, "theo", "Theo Brandt", "Fitness and nutrition coaching", 40, "#b5541c", "#f2c14e", now);
        performer(site, "iris", "Iris Vale", "Tarot readings", 30, "#2d3a8c", "#8fb8ff", now);

        user(site, "alice", Role.USER, Gender.FEMALE, 1_000, now);
        user(site, "bob", Role.USER, Gender.MALE, 250, now);
        user(site, "carol", Role.USER, Gender.FEMALE, 0, now);
        user(site, "mia", Role.MODERATOR, Gender.FEMALE, 0, now);

        em.persist(new CreditItem(site, 500, new BigDecimal("10.00"), "500 credits"));
        em.persist(new CreditItem(site, 1_200, new BigDecimal("20.00"), "1,200 credits (20% bonus)"));
        em.persist(new CreditItem(site, 3_300, new BigDecimal("50.00"), "3,300 credits (32% bonus)"));

        passwordHash.initialize(Map.of());
        String consoleHash = passwordHash.generate(adminPassword.toCharArray());
        em.persist(new ConsoleAccount(site.id(), "admin", consoleHash, ConsoleRole.WEBMASTER_ADMIN, now));
        em.persist(new ConsoleAccount(site.id(), "moderator", consoleHash, ConsoleRole.MODERATOR, now));
        em.persist(new ConsoleAccount(site.id(), "accountant", consoleHash, ConsoleRole.ACCOUNTANT, now));
        em.persist(new ConsoleAccount(null, "platform", consoleHash, ConsoleRole.PLATFORM_ADMIN, now));
        supportTicket(site, now);
        LOG.info(() -> "Demo data loaded: webmaster " + site.id() + " '" + site.name()
                + "', console users 'admin', 'moderator', 'accountant' and 'platform', chat logins for performers, users and"
                + " moderator 'mia'");
    }

    private void performer(
            Webmaster site,
            String handle,
            String name,
            String headline,
            int rate,
            String from,
            String to,
            Instant now) {
        ChatUser user = new ChatUser(site.id(), "demo-" + handle, handle, Role.PERFORMER, now);
        user.signInWith(chatPasswordHash);
        em.persist(user);
        em.flush();
        Performer performer = new Performer(site, user, name, rate, now);
        performer.describe(headline);
        em.persist(performer);
        em.flush();
        em.persist(new PerformerPhoto(performer, 0, "image/svg+xml", DemoAvatar.of(name, from, to), now));
    }

    private void user(Webmaster site, String username, Role role, Gender gender, long credits, Instant now) {
        ChatUser user = new ChatUser(site.id(), "demo-" + username, username, role, now);
        user.describe(gender, null, null);
        user.signInWith(chatPasswordHash);
        em.persist(user);
        em.flush();
        if (credits > 0) {
            ledger.adjust(
                    ledger.lockUser(site.id(), user.id()), credits, "demo", "demo credits", "demo-grant-" + username);
        }
    }

    /** A performer's question and the admin's answer, so that the Support page shows a conversation. */
    private void supportTicket(Webmaster site, Instant now) {
        em.flush();
        ChatUser luna = em.createNamedQuery(ChatUser.BY_USERNAME, ChatUser.class)
                .setParameter("webmasterId", site.id())
                .setParameter("username", "luna")
                .getSingleResult();
        ConsoleAccount admin = em.createNamedQuery(ConsoleAccount.BY_USERNAME, ConsoleAccount.class)
                .setParameter("username", "admin")
                .getSingleResult();
        SupportTicket ticket = SupportTicket.open(
                luna, "When are payouts made?", "Hi! When do I receive what I earned in this week's shows?", now);
        ticket.replyAsStaff(
                admin,
                "Hello Luna, payouts are made on the first working day of each month for the month before.",
                now);
        em.persist(ticket);
    }
}
