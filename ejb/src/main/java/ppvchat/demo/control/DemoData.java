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
import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ppvchat.accounts.control.PasswordHashing;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.ConsoleAccount;
import ppvchat.accounts.entity.ConsoleRole;
import ppvchat.accounts.entity.Gender;
import ppvchat.accounts.entity.Role;
import ppvchat.ledger.control.Ledger;
import ppvchat.ledger.control.LedgerReference;
import ppvchat.ledger.entity.EntryKind;
import ppvchat.payments.entity.CreditItem;
import ppvchat.payouts.entity.Earning;
import ppvchat.performers.entity.Performer;
import ppvchat.performers.entity.PerformerPhoto;
import ppvchat.rooms.entity.EndReason;
import ppvchat.rooms.entity.PrivateShow;
import ppvchat.support.entity.SupportTicket;
import ppvchat.tenancy.control.SecretBox;
import ppvchat.tenancy.entity.BillingPolicy;
import ppvchat.tenancy.entity.CreditRounding;
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

    private static final int HISTORY_WEEKS = 3;
    private static final long HISTORY_TIP = 25;
    private static final long HISTORY_SHOW_SECONDS = 120;

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

    /** The address of a site server to demonstrate external mode with (reference/php): a second demo site. */
    @Inject
    @ConfigProperty(name = "ppv.demo.external.url")
    Optional<String> externalUrl;

    @Inject
    @ConfigProperty(name = "ppv.demo.external.secret")
    Optional<String> externalSecret;

    /** Origins of the external site's own pages (the reference server's host pages). */
    @Inject
    @ConfigProperty(name = "ppv.demo.external.origins", defaultValue = "http://localhost:8090 http://127.0.0.1:8090")
    String externalOrigins;

    @Inject
    SecretBox secrets;

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

        ChatUser alice = user(site, "alice", Role.USER, Gender.FEMALE, 1_000, now);
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
        history(site, alice, now);
        if (externalUrl.isPresent() && externalSecret.isPresent()) {
            externalSite(now);
        }
        LOG.info(() -> "Demo data loaded: webmaster " + site.id() + " '" + site.name()
                + "', console users 'admin', 'moderator', 'accountant' and 'platform', chat logins for performers, users and"
                + " moderator 'mia'");
    }

    /**
     * A second site in external mode: its users and their credits live on its own server (the PHP reference
     * server), which the chat calls with the API secret both were given. One performer, Nova, signs in here.
     */
    private void externalSite(Instant now) {
        Webmaster site = new Webmaster(
                "Nova Consulting", "USD", new BigDecimal("0.02"), secrets.seal(externalSecret.get()), now);
        site.integrateExternally(URI.create(externalUrl.get()));
        site.allowOrigins(List.of((origins + " " + externalOrigins).strip().split("\\s+")));
        site.allowHostLoginAs(EnumSet.of(Role.USER, Role.MODERATOR));
        site.limitRates(10, 300);
        // A show starts with ten credits: its first block is debited from the site's server, the rest as it runs.
        site.changeBilling(new BillingPolicy(10, 10, 0, List.of(60, 30, 10), CreditRounding.UP));
        em.persist(site);
        em.flush();
        performer(site, "nova", "Nova Reyes", "Career and business coaching", 60, "#1f6f50", "#9be3b0", now);
        LOG.info(() -> "Demo site " + site.id() + " '" + site.name() + "' keeps its credits at " + externalUrl.get());
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

    private ChatUser user(Webmaster site, String username, Role role, Gender gender, long credits, Instant now) {
        ChatUser user = new ChatUser(site.id(), "demo-" + username, username, role, now);
        user.describe(gender, null, null);
        user.signInWith(chatPasswordHash);
        em.persist(user);
        em.flush();
        if (credits > 0) {
            ledger.adjust(
                    ledger.lockUser(site.id(), user.id()), credits, "demo", "demo credits", "demo-grant-" + username);
        }
        return user;
    }

    /**
     * Three past weeks of earnings, so that the reports and payouts have something to show: each week every
     * performer got a tip of 25 credits and a two-minute private show from alice, booked as Tips and
     * ShowBilling book them (the earning, and the ledger entry that paid for it). Alice keeps 1,000 credits.
     */
    private void history(Webmaster site, ChatUser alice, Instant now) {
        em.flush();
        List<Performer> performers = em.createNamedQuery(Performer.OF_WEBMASTER, Performer.class)
                .setParameter("webmasterId", site.id())
                .getResultList();
        long cost = HISTORY_WEEKS
                * performers.stream()
                        .mapToLong(p -> HISTORY_TIP + p.pricePerMinute() * HISTORY_SHOW_SECONDS / 60)
                        .sum();
        ledger.adjust(ledger.lockUser(site.id(), alice.id()), cost, "demo", "demo history", "demo-grant-history");
        LocalDate thisMonday = LocalDate.ofInstant(now, ZoneOffset.UTC).with(DayOfWeek.MONDAY);
        for (int week = HISTORY_WEEKS; week >= 1; week--) {
            Instant tuesday =
                    thisMonday.minusWeeks(week).plusDays(1).atTime(19, 0).toInstant(ZoneOffset.UTC);
            for (int i = 0; i < performers.size(); i++) {
                Performer performer = performers.get(i);
                Instant tipped = tuesday.plus(Duration.ofHours(24L * i));
                Earning tip = Earning.tip(site, performer, alice, HISTORY_TIP, tipped);
                em.persist(tip);
                em.flush();
                ledger.post(
                        ledger.lockUser(site.id(), alice.id()),
                        EntryKind.TIP,
                        -HISTORY_TIP,
                        "demo-tip-" + tip.id(),
                        LedgerReference.tip(tip.id()));
                show(site, performer, alice, tipped.plus(Duration.ofMinutes(30)));
            }
        }
    }

    private void show(Webmaster site, Performer performer, ChatUser user, Instant startedAt) {
        long seconds = HISTORY_SHOW_SECONDS;
        long credits = performer.pricePerMinute() * seconds / 60;
        PrivateShow show = PrivateShow.request(performer, user, startedAt.minusSeconds(20));
        show.accept(startedAt.minusSeconds(5));
        show.start(startedAt, "demo", site.billing());
        show.holdMore(credits, seconds);
        show.end(EndReason.USER_LEFT, startedAt.plusSeconds(seconds), seconds, credits);
        em.persist(show);
        em.flush();
        ledger.post(
                ledger.lockUser(site.id(), user.id()),
                EntryKind.SHOW_CHARGE,
                -credits,
                "demo-show-" + show.id(),
                LedgerReference.show(show.id()));
        em.persist(Earning.liveshow(site, performer, show));
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
