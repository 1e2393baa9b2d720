package ppvchat.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.io.File;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ppvchat.accounts.boundary.ChatUsers;
import ppvchat.accounts.boundary.ConsoleAccounts;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.ConsoleAccount;
import ppvchat.accounts.entity.ConsoleRole;
import ppvchat.accounts.entity.Permission;
import ppvchat.accounts.entity.Role;
import ppvchat.accounts.entity.TooManyAttempts;
import ppvchat.ledger.entity.EntryKind;
import ppvchat.ledger.entity.LedgerEntry;
import ppvchat.moderation.entity.ModerationAction;
import ppvchat.payments.boundary.PackageCatalog;
import ppvchat.payments.entity.CaptureStatus;
import ppvchat.payments.entity.CreditItem;
import ppvchat.payments.entity.PaypalOrder;
import ppvchat.payments.entity.PaypalTransaction;
import ppvchat.payouts.boundary.PayoutStatements;
import ppvchat.payouts.entity.Earning;
import ppvchat.payouts.entity.PayoutStatement;
import ppvchat.payouts.entity.StatementTotals;
import ppvchat.performers.boundary.PerformerWall;
import ppvchat.performers.boundary.WallEntry;
import ppvchat.performers.entity.Performer;
import ppvchat.performers.entity.PerformerPhoto;
import ppvchat.platform.boundary.DatabaseReadiness;
import ppvchat.platform.control.SchemaMigration;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.rooms.entity.EndReason;
import ppvchat.rooms.entity.PrivateShow;
import ppvchat.rooms.entity.ShowStatus;
import ppvchat.support.entity.SupportTicket;
import ppvchat.support.entity.TicketStatus;
import ppvchat.tenancy.boundary.ApiSecrets;
import ppvchat.tenancy.boundary.Platform;
import ppvchat.tenancy.boundary.RolePermissions;
import ppvchat.tenancy.boundary.SiteSettings;
import ppvchat.tenancy.boundary.Webmasters;
import ppvchat.tenancy.entity.BillingPolicy;
import ppvchat.tenancy.entity.Webmaster;

/**
 * The persistence layer on a real Payara Micro, against the database the failsafe execution names (H2 or
 * MariaDB): the migrated schema, exact round trips of every entity, and the constraints that keep money
 * and tenants apart even when code is wrong.
 */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT {

    /** Microsecond precision, which DATETIME(6) must keep on both databases. */
    static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123456Z");

    static final String SECRET = "0123456789abcdef0123456789abcdef";

    /** The key API secrets are sealed with in this deployment (base64 of 32 bytes). */
    static final String SECRETS_KEY = "c2VhbGluZy1rZXktZm9yLXRoZS1wZXJzaXN0ZW5jZSE=";

    @Deployment
    static WebArchive deployment() {
        TestDatabase.resetIfAsked();
        File[] libraries = new File(System.getProperty("ppv.it.libs")).listFiles((dir, name) -> name.endsWith(".jar"));
        return ShrinkWrap.create(WebArchive.class, "persistence-it.war")
                .addAsLibrary(new File(System.getProperty("ppv.it.jar")))
                .addAsLibraries(Objects.requireNonNull(libraries))
                .addClasses(PersistenceIT.class, Transactions.class, TestDatabase.class)
                .addAsResource(
                        new StringAsset("ppv.secrets.key=" + SECRETS_KEY), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    Transactions tx;

    @Inject
    SchemaMigration migration;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    @Readiness
    DatabaseReadiness readiness;

    @Inject
    PerformerWall wall;

    @Inject
    ConsoleAccounts consoleAccounts;

    @Inject
    SiteSettings siteSettings;

    @Inject
    ChatUsers chatUsers;

    @Inject
    PackageCatalog catalog;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    Platform platform;

    @Inject
    PayoutStatements payoutStatements;

    @Inject
    Webmasters webmasters;

    @Inject
    ApiSecrets apiSecrets;

    @Inject
    RolePermissions rolePermissions;

    record Graph(
            long webmasterId,
            long buyerId,
            long performerId,
            long showId,
            long paypalId,
            long earningId,
            long statementId,
            long ticketId,
            long banId) {}

    @Test
    void schemaIsMigratedAndTheDatabaseIsReady() {
        MigrationInfoService migrations = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .load()
                .info();
        assertEquals(0, migrations.pending().length, "no migration left to apply");
        assertEquals(migrations.current().getVersion().getVersion(), migration.schemaVersion());
        assertTrue(migrations.applied().length >= 2, "V1 and the migrations after it were applied");
        HealthCheckResponse health = readiness.call();
        assertEquals(HealthCheckResponse.Status.UP, health.getStatus());
    }

    @Test
    void everyEntityRoundTripsExactly() {
        Graph graph = tx.call(this::persistGraph);

        tx.run(em -> {
            Webmaster site = em.find(Webmaster.class, graph.webmasterId());
            assertEquals(0, new BigDecimal("0.016667").compareTo(site.creditValue()));
            assertEquals(6, site.creditValue().scale());
            assertTrue(site.permits(Role.PERFORMER, Permission.LIVE_TYPING));
            assertTrue(!site.permits(Role.GUEST, Permission.TIP));
            assertEquals(List.of(60, 30, 10), site.billing().warningSecondsLeft());

            ChatUser buyer = em.find(ChatUser.class, graph.buyerId());
            assertEquals(600 - 90 - 25, buyer.credits());
            List<LedgerEntry> entries = em.createNamedQuery(LedgerEntry.OF_USER, LedgerEntry.class)
                    .setParameter("webmasterId", graph.webmasterId())
                    .setParameter("userId", graph.buyerId())
                    .getResultList();
            assertEquals(
                    List.of(EntryKind.PURCHASE, EntryKind.SHOW_CHARGE, EntryKind.TIP),
                    entries.stream().map(LedgerEntry::kind).toList());
            assertEquals(
                    buyer.credits(),
                    entries.stream().mapToLong(LedgerEntry::credits).sum());
            assertEquals(buyer.credits(), entries.get(entries.size() - 1).balanceAfter());
            assertEquals(NOW, entries.get(0).createdAt());

            PrivateShow show = em.find(PrivateShow.class, graph.showId());
            assertEquals(ShowStatus.ENDED, show.status());
            assertEquals(EndReason.USER_LEFT, show.endReason());
            assertEquals(90, show.ratePerMinute());
            assertEquals(NOW.plusSeconds(5), show.startedAt());
            assertEquals(NOW.plusSeconds(65), show.endedAt());
            assertEquals(60, show.billedSeconds());
            assertEquals(90, show.creditsCharged());

            PaypalTransaction payment = em.find(PaypalTransaction.class, graph.paypalId());
            assertEquals("9AB12345CD6789012EF", payment.txnId());
            assertEquals(new BigDecimal("10.00"), payment.gross());

            Earning earning = em.find(Earning.class, graph.earningId());
            assertEquals(new BigDecimal("1.50"), earning.price());
            assertEquals(new BigDecimal("0.56"), earning.performerBenefit());
            assertEquals(graph.statementId(), earning.statementId());

            PayoutStatement statement = em.find(PayoutStatement.class, graph.statementId());
            assertEquals(LocalDate.of(2026, 3, 1), statement.periodStart());
            assertEquals(new BigDecimal("0.56"), statement.performerBenefit());

            SupportTicket ticket = em.find(SupportTicket.class, graph.ticketId());
            assertEquals(TicketStatus.ANSWERED, ticket.status());
            assertEquals(2, ticket.messages().size());
            assertTrue(ticket.messages().get(1).writtenByStaff());

            ModerationAction ban = em.find(ModerationAction.class, graph.banId());
            assertEquals(NOW.plus(Duration.ofDays(7)), ban.expiresAt());
        });
    }

    private Graph persistGraph(EntityManager em) {
        Webmaster site = new Webmaster("Round trip", "EUR", new BigDecimal("0.016667"), SECRET, NOW);
        site.grant(Role.PERFORMER, Permission.LIVE_TYPING);
        site.revoke(Role.USER, Permission.TIP);
        em.persist(site);
        em.flush();
        ChatUser buyer = user(em, site, "buyer", Role.USER);
        ChatUser star = user(em, site, "star", Role.PERFORMER);
        Performer performer = new Performer(site, star, "Star", 90, NOW);
        performer.overridePercentage(new BigDecimal("37.50"));
        em.persist(performer);
        em.flush();
        em.persist(new PerformerPhoto(performer, 0, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, NOW));

        CreditItem item = new CreditItem(site, 600, new BigDecimal("10.00"), "600 credits");
        em.persist(item);
        em.flush();
        PaypalOrder order = PaypalOrder.forPackage(site, buyer, item, "pay@site.example", NOW);
        em.persist(order);
        em.flush();
        PaypalTransaction payment =
                PaypalTransaction.capture(order, "9AB12345CD6789012EF", CaptureStatus.COMPLETED, NOW);
        payment.note(NOW, "capture answer: credited 600");
        em.persist(payment);
        em.flush();
        // EclipseLink does not keep persist order among the inserts of one flush: flush each entry so that
        // ids follow posting order, as the ledger must.
        em.persist(LedgerEntry.post(buyer, EntryKind.PURCHASE, 600, "paypal-" + payment.txnId(), NOW)
                .forPaypal(payment.id()));
        em.flush();

        PrivateShow show = PrivateShow.request(performer, buyer, NOW);
        show.accept(NOW.plusSeconds(2));
        show.start(NOW.plusSeconds(5), "node-a", BillingPolicy.standard());
        show.holdMore(1_000, 1_000);
        show.end(EndReason.USER_LEFT, NOW.plusSeconds(65), 60, 90);
        em.persist(show);
        em.flush();
        em.persist(LedgerEntry.post(buyer, EntryKind.SHOW_CHARGE, -90, "show-" + show.id(), NOW)
                .forShow(show.id()));
        em.flush();
        Earning earning = Earning.liveshow(site, performer, show);
        em.persist(earning);
        em.persist(LedgerEntry.post(buyer, EntryKind.TIP, -25, "tip-" + show.id(), NOW));
        em.flush();

        StatementTotals totals = new StatementTotals(0, 0, 1, 60, 90, earning.price(), earning.performerBenefit());
        PayoutStatement statement = new PayoutStatement(
                site.id(), performer.id(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), totals, "EUR", NOW);
        em.persist(statement);
        em.flush();
        earning.includeIn(statement.id());

        ConsoleAccount staff = new ConsoleAccount(
                site.id(),
                "rt-admin-" + site.id(),
                "PBKDF2WithHmacSHA256:2048:c2FsdA==:aGFzaA==",
                ConsoleRole.WEBMASTER_ADMIN,
                NOW);
        em.persist(staff);
        em.flush();
        SupportTicket ticket = SupportTicket.open(star, "Payout date", "When is the next payout?", NOW);
        em.persist(ticket);
        em.flush();
        ticket.replyAsStaff(staff, "On the first of the month.", NOW.plusSeconds(60));

        ModerationAction ban = ModerationAction.ban(
                buyer, Duration.ofDays(7), ModerationAction.Actor.console(staff.id()), "spam", NOW);
        em.persist(ban);
        em.flush();
        return new Graph(
                site.id(),
                buyer.id(),
                performer.id(),
                show.id(),
                payment.id(),
                earning.id(),
                statement.id(),
                ticket.id(),
                ban.id());
    }

    @Test
    void aBalanceCannotGoBelowZeroEvenThroughRawSql() {
        long userId =
                tx.call(em -> user(em, site(em, "Negative"), "n", Role.USER).id());
        assertRejectedBy(
                "ck_chat_user_credits", em -> em.createNativeQuery("UPDATE chat_user SET credits = -5 WHERE id = ?1")
                        .setParameter(1, userId)
                        .executeUpdate());
    }

    @Test
    void anIdempotencyKeyPostsOncePerWebmaster() {
        long[] ids = tx.call(em -> {
            Webmaster one = site(em, "Keys one");
            Webmaster two = site(em, "Keys two");
            return new long[] {
                user(em, one, "a", Role.USER).id(),
                user(em, one, "b", Role.USER).id(),
                user(em, two, "c", Role.USER).id()
            };
        });
        tx.run(em -> em.persist(LedgerEntry.post(em.find(ChatUser.class, ids[0]), EntryKind.PURCHASE, 10, "k-1", NOW)));
        assertRejectedBy(
                "uq_ledger_entry_key",
                em -> em.persist(
                        LedgerEntry.post(em.find(ChatUser.class, ids[1]), EntryKind.PURCHASE, 10, "k-1", NOW)));
        tx.run(em -> em.persist(LedgerEntry.post(em.find(ChatUser.class, ids[2]), EntryKind.PURCHASE, 10, "k-1", NOW)));
        tx.run(em -> {
            assertEquals(10, em.find(ChatUser.class, ids[0]).credits());
            assertEquals(0, em.find(ChatUser.class, ids[1]).credits(), "the rejected entry moved no balance");
            assertEquals(10, em.find(ChatUser.class, ids[2]).credits());
        });
    }

    @Test
    void theDatabaseRejectsALedgerEntryOfTheWrongSign() {
        long[] ids = tx.call(em -> {
            ChatUser user = user(em, site(em, "Signs"), "s", Role.USER);
            return new long[] {user.webmasterId(), user.id()};
        });
        assertRejectedBy("ck_ledger_entry_sign", em -> em.createNativeQuery(
                        "INSERT INTO ledger_entry (webmasterid, user_id, kind, credits, balance_after,"
                                + " idempotency_key, created_at) VALUES (?1, ?2, 'PURCHASE', -5, 0, 'neg', ?3)")
                .setParameter(1, ids[0])
                .setParameter(2, ids[1])
                .setParameter(3, java.sql.Timestamp.from(NOW))
                .executeUpdate());
    }

    @Test
    void externalIdsAreUniquePerWebmasterOnly() {
        long[] sites = tx.call(
                em -> new long[] {site(em, "Ext one").id(), site(em, "Ext two").id()});
        tx.run(em -> em.persist(new ChatUser(sites[0], "host-42", "first", Role.USER, NOW)));
        assertRejectedBy(
                "uq_chat_user_external", em -> em.persist(new ChatUser(sites[0], "host-42", "second", Role.USER, NOW)));
        tx.run(em -> em.persist(new ChatUser(sites[1], "host-42", "first", Role.USER, NOW)));
    }

    @Test
    void noRowCanPointIntoAnotherTenant() {
        long[] ids = tx.call(em -> {
            Webmaster one = site(em, "Tenant one");
            Webmaster two = site(em, "Tenant two");
            return new long[] {two.id(), user(em, one, "victim", Role.PERFORMER).id()};
        });
        assertRejectedBy("fk_performer_user", em -> em.createNativeQuery(
                        "INSERT INTO performer (webmasterid, user_id, display_name, price_per_minute, created_at)"
                                + " VALUES (?1, ?2, 'Stolen', 60, ?3)")
                .setParameter(1, ids[0])
                .setParameter(2, ids[1])
                .setParameter(3, java.sql.Timestamp.from(NOW))
                .executeUpdate());
    }

    @Test
    void liveTypingCanNeverBeGrantedToUsersEvenThroughRawSql() {
        long siteId = tx.call(em -> site(em, "Typing").id());
        assertRejectedBy("ck_role_permission_live_typing", em -> em.createNativeQuery(
                        "INSERT INTO role_permission (webmasterid, role, permission) VALUES (?1, 'USER', 'LIVE_TYPING')")
                .setParameter(1, siteId)
                .executeUpdate());
    }

    @Test
    void aShowEarnsOnceAndAPeriodIsStatedOnce() {
        long[] ids = tx.call(em -> {
            Webmaster site = site(em, "Once");
            Performer performer = performer(em, site, "once");
            PrivateShow show = PrivateShow.request(performer, user(em, site, "fan", Role.USER), NOW);
            show.accept(NOW);
            show.start(NOW, "node-a", BillingPolicy.standard());
            show.holdMore(1_000, 1_000);
            show.end(EndReason.CREDITS_EXHAUSTED, NOW.plusSeconds(30), 30, 30);
            em.persist(show);
            em.flush();
            em.persist(Earning.liveshow(site, performer, show));
            em.persist(statement(site, performer));
            return new long[] {site.id(), performer.id(), show.id()};
        });
        assertRejectedBy(
                "uq_ppv_tips_show",
                em -> em.persist(Earning.liveshow(
                        em.find(Webmaster.class, ids[0]),
                        em.find(Performer.class, ids[1]),
                        em.find(PrivateShow.class, ids[2]))));
        assertRejectedBy(
                "uq_payout_statement_period",
                em -> em.persist(statement(em.find(Webmaster.class, ids[0]), em.find(Performer.class, ids[1]))));
    }

    @Test
    void theConsoleListsOnlyItsOwnSitesPayoutStatements() {
        long[] sites = tx.call(em -> {
            Webmaster mine = site(em, "Statements mine");
            Webmaster theirs = site(em, "Statements theirs");
            em.persist(statement(mine, performer(em, mine, "stated")));
            em.persist(statement(theirs, performer(em, theirs, "elsewhere")));
            return new long[] {mine.id(), theirs.id()};
        });
        List<PayoutStatements.Statement> mine = payoutStatements.of(sites[0], 0, 25);
        assertEquals(
                List.of("Stated"),
                mine.stream().map(PayoutStatements.Statement::performer).toList());
        assertEquals(1, payoutStatements.count(sites[0]));
        assertEquals(30, mine.get(0).credits());
        assertEquals(new BigDecimal("0.15"), mine.get(0).performerBenefit());
        assertEquals("OPEN", mine.get(0).status());
    }

    @Test
    void aPaypalTransactionIsRecordedOnce() {
        long[] ids = tx.call(em -> {
            Webmaster site = site(em, "Paypal");
            CreditItem item = new CreditItem(site, 100, new BigDecimal("2.00"), "100");
            em.persist(item);
            em.flush();
            ChatUser payer = user(em, site, "payer", Role.USER);
            PaypalOrder order = PaypalOrder.forPackage(site, payer, item, "pay@site.example", NOW);
            em.persist(order);
            em.flush();
            return new long[] {site.id(), payer.id(), item.id(), order.id()};
        });
        Consumer<EntityManager> record = em -> em.persist(PaypalTransaction.capture(
                em.find(PaypalOrder.class, ids[3]), "1AB23456CD7890123", CaptureStatus.COMPLETED, NOW));
        tx.run(record);
        assertRejectedBy("uq_ppv_paypal_txn", record);
    }

    @Test
    void aConsoleSignInUpgradesAnOlderHashAndCountsFailures() {
        pbkdf2.initialize(Map.of("Pbkdf2PasswordHash.Iterations", "1024")); // what the first console used
        String weak = pbkdf2.generate("older-password".toCharArray());
        String username = "upgrade-" + System.nanoTime();
        long id = tx.call(em -> {
            ConsoleAccount account = new ConsoleAccount(null, username, weak, ConsoleRole.PLATFORM_ADMIN, NOW);
            em.persist(account);
            em.flush();
            return account.id();
        });

        assertEquals(
                Optional.of(ConsoleRole.PLATFORM_ADMIN),
                consoleAccounts.signIn(username, "older-password", "10.0.0.1"));
        String upgraded = tx.call(em -> em.find(ConsoleAccount.class, id).passwordHash());
        assertTrue(upgraded.startsWith("PBKDF2WithHmacSHA256:600000:"), upgraded);
        assertEquals(
                Optional.of(ConsoleRole.PLATFORM_ADMIN),
                consoleAccounts.signIn(username, "older-password", "10.0.0.1"));

        for (int failure = 0; failure < 5; failure++) {
            assertEquals(Optional.empty(), consoleAccounts.signIn(username, "wrong", "10.0.0.2"));
        }
        assertThrows(
                TooManyAttempts.class,
                () -> consoleAccounts.signIn(username, "older-password", "10.0.0.3"),
                "five failures lock the account for a while, even with the right password");
    }

    @Test
    void aSitesSettingsAreSavedWholeOrNotAtAllAndOnlyForThatSite() {
        long[] ids = tx.call(em -> new long[] {
            site(em, "Settings").id(), site(em, "Settings elsewhere").id()
        });
        SiteSettings.Settings before = siteSettings.of(ids[0]);
        SiteSettings.Settings changed = new SiteSettings.Settings(
                before.name(),
                before.currency(),
                "pay@settings.example",
                "ABCDEFGH12",
                new BigDecimal("0.015"),
                new BigDecimal("42.50"),
                5,
                300,
                15,
                100,
                20,
                "30, 120 ,60",
                "HALF_UP",
                "de",
                "Europe/Berlin",
                "https://www.settings.example\nhttp://localhost:8080",
                "darn\nheck",
                ".ppv { color: #333; }",
                null);
        siteSettings.save(ids[0], changed);

        SiteSettings.Settings after = siteSettings.of(ids[0]);
        assertEquals("pay@settings.example", after.paypalEmail());
        assertEquals("ABCDEFGH12", after.paypalMerchantId());
        assertEquals(0, new BigDecimal("0.015").compareTo(after.creditValue()));
        assertEquals(0, new BigDecimal("42.50").compareTo(after.defaultPercentage()));
        assertEquals(List.of(5, 300), List.of(after.minPricePerMinute(), after.maxPricePerMinute()));
        assertEquals("120,60,30", after.lowBalanceWarnings(), "warnings sorted, longest first");
        assertEquals("HALF_UP", after.rounding());
        assertEquals("de", after.language());
        assertEquals("Europe/Berlin", after.timeZone());
        assertEquals("https://www.settings.example\nhttp://localhost:8080", after.allowedOrigins());
        assertEquals("darn\nheck", after.badWords());
        assertEquals(".ppv { color: #333; }", after.chatCss());
        assertEquals(siteSettings.of(ids[1]).paypalEmail(), null, "the other site is untouched");

        List<SiteSettings.Settings> broken = List.of(
                withOrigins(after, "https://ok.example\nnot an origin"),
                withOrigins(after, "https://www.example.com/path"),
                withOrigins(after, "javascript:alert(1)"),
                withTimeZone(after, "Mars/Olympus"),
                withTimeZone(after, " "),
                new SiteSettings.Settings(
                        after.name(),
                        after.currency(),
                        "not-an-email",
                        null,
                        after.creditValue(),
                        after.defaultPercentage(),
                        5,
                        300,
                        15,
                        100,
                        20,
                        "60",
                        "UP",
                        "en",
                        "UTC",
                        "",
                        "",
                        null,
                        null),
                new SiteSettings.Settings(
                        after.name(),
                        after.currency(),
                        null,
                        "lowercase1",
                        after.creditValue(),
                        after.defaultPercentage(),
                        5,
                        300,
                        15,
                        100,
                        20,
                        "60",
                        "UP",
                        "en",
                        "UTC",
                        "",
                        "",
                        null,
                        null),
                new SiteSettings.Settings(
                        after.name(),
                        after.currency(),
                        null,
                        null,
                        new BigDecimal("-1"),
                        after.defaultPercentage(),
                        5,
                        300,
                        15,
                        100,
                        20,
                        "60",
                        "UP",
                        "en",
                        "UTC",
                        "",
                        "",
                        null,
                        null),
                new SiteSettings.Settings(
                        after.name(),
                        after.currency(),
                        null,
                        null,
                        after.creditValue(),
                        new BigDecimal("120"),
                        5,
                        300,
                        15,
                        100,
                        20,
                        "60",
                        "UP",
                        "en",
                        "UTC",
                        "",
                        "",
                        null,
                        null),
                new SiteSettings.Settings(
                        after.name(),
                        after.currency(),
                        null,
                        null,
                        after.creditValue(),
                        after.defaultPercentage(),
                        300,
                        5,
                        15,
                        100,
                        20,
                        "60",
                        "UP",
                        "en",
                        "UTC",
                        "",
                        "",
                        null,
                        null),
                new SiteSettings.Settings(
                        after.name(),
                        after.currency(),
                        null,
                        null,
                        after.creditValue(),
                        after.defaultPercentage(),
                        5,
                        300,
                        15,
                        10,
                        20,
                        "60",
                        "UP",
                        "en",
                        "UTC",
                        "",
                        "",
                        null,
                        null),
                new SiteSettings.Settings(
                        after.name(),
                        after.currency(),
                        null,
                        null,
                        after.creditValue(),
                        after.defaultPercentage(),
                        5,
                        300,
                        15,
                        100,
                        20,
                        "soon",
                        "UP",
                        "en",
                        "UTC",
                        "",
                        "",
                        null,
                        null),
                new SiteSettings.Settings(
                        after.name(),
                        after.currency(),
                        null,
                        null,
                        after.creditValue(),
                        after.defaultPercentage(),
                        5,
                        300,
                        15,
                        100,
                        20,
                        "60",
                        "SOMETIMES",
                        "en",
                        "UTC",
                        "",
                        "",
                        null,
                        null),
                new SiteSettings.Settings(
                        after.name(),
                        after.currency(),
                        null,
                        null,
                        after.creditValue(),
                        after.defaultPercentage(),
                        5,
                        300,
                        15,
                        100,
                        20,
                        "60",
                        "UP",
                        "fr",
                        "UTC",
                        "",
                        "",
                        null,
                        null),
                new SiteSettings.Settings(
                        after.name(),
                        after.currency(),
                        null,
                        null,
                        after.creditValue(),
                        after.defaultPercentage(),
                        5,
                        300,
                        15,
                        100,
                        20,
                        "60",
                        "UP",
                        "en",
                        "UTC",
                        "",
                        "<script>",
                        null,
                        null),
                new SiteSettings.Settings(
                        after.name(),
                        after.currency(),
                        null,
                        null,
                        after.creditValue(),
                        after.defaultPercentage(),
                        5,
                        300,
                        15,
                        100,
                        20,
                        "60",
                        "UP",
                        "en",
                        "UTC",
                        "",
                        "",
                        "x".repeat(20_001),
                        null));
        for (SiteSettings.Settings bad : broken) {
            assertThrows(DomainException.class, () -> siteSettings.save(ids[0], bad), bad::toString);
            assertEquals(after, siteSettings.of(ids[0]), "a refused save changes nothing: " + bad);
        }
    }

    @Test
    void theConsoleFindsAndAdjustsOnlyItsOwnSitesUsers() {
        long[] ids = tx.call(em -> {
            Webmaster mine = site(em, "Users mine");
            Webmaster theirs = site(em, "Users theirs");
            return new long[] {
                mine.id(),
                theirs.id(),
                user(em, mine, "zoe_x%y", Role.USER).id(),
                user(em, theirs, "zoe-theirs", Role.USER).id()
            };
        });
        assertEquals(
                List.of("zoe_x%y"),
                chatUsers.search(ids[0], "ZOE", 0, 25).stream()
                        .map(ChatUsers.Found::username)
                        .toList());
        assertEquals(1, chatUsers.count(ids[0], "_x%"), "% and _ are matched as themselves");
        assertEquals(0, chatUsers.count(ids[0], "_xx"));
        assertEquals(1, chatUsers.count(ids[0], String.valueOf(ids[2])), "by id");
        assertEquals(0, chatUsers.count(ids[0], String.valueOf(ids[3])), "another site's id finds nothing");

        chatUsers.adjust(ids[0], ids[2], 40, "admin@mine", "welcome gift", "form-1");
        ChatUsers.Detail zoe = chatUsers.detail(ids[0], ids[2]);
        assertEquals(40, zoe.credits());
        assertEquals("ADJUSTMENT", zoe.ledger().get(0).kind());
        assertEquals(40, zoe.ledger().get(0).balanceAfter());
        assertEquals("admin@mine", zoe.ledger().get(0).actor());

        assertThrows(NotFound.class, () -> chatUsers.detail(ids[0], ids[3]), "another site's user by id");
        assertThrows(NotFound.class, () -> chatUsers.adjust(ids[0], ids[3], 40, "admin@mine", "x", "form-2"));
        assertEquals(0, chatUsers.detail(ids[1], ids[3]).credits(), "and nothing changed there");
    }

    @Test
    void aSitesPackagesAreItsOwnAndBadPricesSaveNothing() {
        long[] sites = tx.call(em -> new long[] {
            site(em, "Packages mine").id(), site(em, "Packages theirs").id()
        });
        PackageCatalog.Package mine = catalog.create(sites[0], 600, new BigDecimal("10"), " 600 credits ");
        PackageCatalog.Package theirs = catalog.create(sites[1], 100, new BigDecimal("2.50"), "100 credits");
        assertEquals(new BigDecimal("10.00"), mine.price());
        assertEquals("600 credits", mine.description());

        catalog.change(sites[0], mine.id(), 650, new BigDecimal("10.50"), "650 credits");
        for (Runnable bad : List.<Runnable>of(
                () -> catalog.change(sites[0], mine.id(), 0, BigDecimal.TEN, "none"),
                () -> catalog.change(sites[0], mine.id(), 10, new BigDecimal("-1"), "negative"),
                () -> catalog.change(sites[0], mine.id(), 10, new BigDecimal("1.005"), "fractions of a cent"),
                () -> catalog.change(sites[0], mine.id(), 10, BigDecimal.TEN, " "),
                () -> catalog.change(sites[0], mine.id(), 10, null, "no price"))) {
            assertThrows(DomainException.class, bad::run);
        }
        assertEquals(
                List.of(new PackageCatalog.Package(mine.id(), 650, new BigDecimal("10.50"), "650 credits", true)),
                catalog.all(sites[0]),
                "the refused changes changed nothing, and the other site's package is not listed");

        assertThrows(NotFound.class, () -> catalog.change(sites[0], theirs.id(), 1, BigDecimal.ONE, "mine now"));
        assertThrows(NotFound.class, () -> catalog.withdraw(sites[0], theirs.id()));
        assertTrue(catalog.all(sites[1]).get(0).active(), "theirs untouched");
        catalog.withdraw(sites[0], mine.id());
        assertFalse(catalog.all(sites[0]).get(0).active());
    }

    private static SiteSettings.Settings withTimeZone(SiteSettings.Settings s, String zone) {
        return new SiteSettings.Settings(
                s.name(),
                s.currency(),
                s.paypalEmail(),
                s.paypalMerchantId(),
                s.creditValue(),
                s.defaultPercentage(),
                s.minPricePerMinute(),
                s.maxPricePerMinute(),
                s.graceSeconds(),
                s.minBalanceToStart(),
                s.minBalanceToStay(),
                s.lowBalanceWarnings(),
                s.rounding(),
                s.language(),
                zone,
                s.allowedOrigins(),
                s.badWords(),
                s.chatCss(),
                s.wallCss());
    }

    private static SiteSettings.Settings withOrigins(SiteSettings.Settings s, String origins) {
        return new SiteSettings.Settings(
                s.name(),
                s.currency(),
                s.paypalEmail(),
                s.paypalMerchantId(),
                s.creditValue(),
                s.defaultPercentage(),
                s.minPricePerMinute(),
                s.maxPricePerMinute(),
                s.graceSeconds(),
                s.minBalanceToStart(),
                s.minBalanceToStay(),
                s.lowBalanceWarnings(),
                s.rounding(),
                s.language(),
                s.timeZone(),
                origins,
                s.badWords(),
                s.chatCss(),
                s.wallCss());
    }

    @Test
    void aPlatformAdminCreatesASiteWithItsFirstAdminOrNothing() {
        String admin = "first-admin-" + System.nanoTime();
        long created = platform.create(
                new Platform.NewSite(" New Site ", "eur", new BigDecimal("0.05"), "de", admin, "a-good-password"),
                "platform");
        Webmaster site = webmasters.find(created);
        assertEquals("New Site", site.name());
        assertEquals("EUR", site.currency());
        assertEquals("de", site.language());
        assertEquals(null, site.apiSecret(), "a new site has no API secret until its admin creates one");
        assertEquals(
                Optional.of(ConsoleRole.WEBMASTER_ADMIN), consoleAccounts.signIn(admin, "a-good-password", "10.1.0.1"));
        assertEquals(created, consoleAccounts.byUsername(admin).webmasterId());
        assertTrue(platform.sites().stream().anyMatch(s -> s.id() == created && s.consoleAccounts() == 1));

        int before = platform.sites().size();
        for (Platform.NewSite bad : List.of(
                new Platform.NewSite("Taken", "USD", BigDecimal.ONE, "en", admin, "a-good-password"),
                new Platform.NewSite("Short", "USD", BigDecimal.ONE, "en", "someone-" + System.nanoTime(), "short"),
                new Platform.NewSite("Bad name", "USD", BigDecimal.ONE, "en", "<script>", "a-good-password"),
                new Platform.NewSite("Money", "XYZ", BigDecimal.ONE, "en", "m-" + System.nanoTime(), "a-good-password"),
                new Platform.NewSite("Free", "USD", BigDecimal.ZERO, "en", "f-" + System.nanoTime(), "a-good-password"),
                new Platform.NewSite(
                        "Fine", "USD", new BigDecimal("0.0000001"), "en", "d-" + System.nanoTime(), "a-good-password"),
                new Platform.NewSite(" ", "USD", BigDecimal.ONE, "en", "n-" + System.nanoTime(), "a-good-password"),
                new Platform.NewSite(
                        "Lang", "USD", BigDecimal.ONE, "fr", "l-" + System.nanoTime(), "a-good-password"))) {
            assertThrows(DomainException.class, () -> platform.create(bad, "platform"), bad.toString());
        }
        assertEquals(before, platform.sites().size(), "a refused site leaves no site behind, not even half of one");
    }

    @Test
    void aDisabledSiteIsRefusedToVisitorsAndItsConsoleAccountsUntilEnabled() {
        String admin = "disabled-admin-" + System.nanoTime();
        long id = platform.create(
                new Platform.NewSite("Going dark", "USD", new BigDecimal("0.01"), "en", admin, "a-good-password"),
                "platform");
        platform.disable(id, "platform");
        assertThrows(NotFound.class, () -> webmasters.find(id), "visitors find no such site");
        assertThrows(NotFound.class, () -> wall.of(id));
        assertFalse(webmasters.allowsOrigin(id, "http://localhost:8080"));
        assertEquals(Optional.empty(), consoleAccounts.signIn(admin, "a-good-password", "10.1.0.2"));
        assertTrue(webmasters.any(id).disabled(), "the console still sees it");

        platform.enable(id, "platform");
        assertEquals(id, webmasters.find(id).id());
        assertEquals(
                Optional.of(ConsoleRole.WEBMASTER_ADMIN), consoleAccounts.signIn(admin, "a-good-password", "10.1.0.3"));
        assertThrows(NotFound.class, () -> platform.disable(Long.MAX_VALUE, "platform"));
    }

    @Test
    void anApiSecretIsSealedAtRestAndShownOnlyWhenCreated() {
        long id = tx.call(em -> site(em, "Secrets").id());
        assertTrue(apiSecrets.state(id).sealingReady());

        String first = apiSecrets.rotate(id, "admin");
        assertTrue(first.matches("[0-9a-f]{64}"), first);
        String stored = tx.call(em -> em.find(Webmaster.class, id).apiSecret());
        assertFalse(stored.contains(first), "the database never holds the secret as it is");
        assertTrue(apiSecrets.state(id).sealed());
        assertEquals(Optional.of(first), apiSecrets.secretOf(id));
        String raw = tx.call(em -> (String) em.createNativeQuery("SELECT api_secret FROM webmaster WHERE id = ?")
                .setParameter(1, id)
                .getSingleResult());
        assertFalse(raw.contains(first), "not in the column either");

        String second = apiSecrets.rotate(id, "admin");
        assertFalse(second.equals(first));
        assertEquals(Optional.of(second), apiSecrets.secretOf(id), "the old secret is gone at once");
        assertThrows(NotFound.class, () -> apiSecrets.rotate(Long.MAX_VALUE, "admin"));
    }

    @Test
    void rolePermissionsChangeForTheSiteAndLiveTypingNeverGoesToUsers() {
        long[] ids = tx.call(em -> new long[] {
            site(em, "Grants mine").id(), site(em, "Grants theirs").id()
        });
        assertTrue(grantsOf(ids[0], Role.USER).contains(Permission.TIP));

        rolePermissions.change(ids[0], Role.USER, Permission.TIP, false, "admin");
        rolePermissions.change(ids[0], Role.PERFORMER, Permission.BAN, true, "admin");
        assertFalse(grantsOf(ids[0], Role.USER).contains(Permission.TIP));
        assertTrue(grantsOf(ids[0], Role.PERFORMER).contains(Permission.BAN));
        assertTrue(grantsOf(ids[1], Role.USER).contains(Permission.TIP), "another site keeps its own grants");

        for (Role everyone : List.of(Role.USER, Role.GUEST)) {
            DomainException refused = assertThrows(
                    DomainException.class,
                    () -> rolePermissions.change(ids[0], everyone, Permission.LIVE_TYPING, true, "admin"));
            assertTrue(refused.getMessage().contains("never"), refused.getMessage());
            assertFalse(grantsOf(ids[0], everyone).contains(Permission.LIVE_TYPING));
        }
    }

    @Test
    void aSiteManagesOnlyItsOwnConsoleAccounts() {
        long[] ids = tx.call(em -> new long[] {
            site(em, "Staff mine").id(), site(em, "Staff theirs").id()
        });
        String name = "mod-" + System.nanoTime();
        ConsoleAccounts.Staff mod = consoleAccounts.create(ids[0], name, "a-good-password", ConsoleRole.MODERATOR);
        ConsoleAccounts.Staff theirs =
                consoleAccounts.create(ids[1], name + "-b", "a-good-password", ConsoleRole.ACCOUNTANT);
        assertEquals(
                List.of(name),
                consoleAccounts.staffOf(ids[0]).stream()
                        .map(ConsoleAccounts.Staff::username)
                        .toList());
        assertThrows(
                DomainException.class,
                () -> consoleAccounts.create(
                        ids[0], "p-" + System.nanoTime(), "a-good-password", ConsoleRole.PLATFORM_ADMIN),
                "a site cannot make platform admins");
        assertThrows(
                DomainException.class,
                () -> consoleAccounts.create(ids[0], name, "a-good-password", ConsoleRole.MODERATOR));

        consoleAccounts.enable(ids[0], mod.id(), false, "admin");
        assertEquals(Optional.empty(), consoleAccounts.signIn(name, "a-good-password", "10.2.0.1"));
        assertThrows(
                NotFound.class, () -> consoleAccounts.enable(ids[0], theirs.id(), false, "admin"), "another site's");
        assertEquals(
                Optional.of(ConsoleRole.ACCOUNTANT),
                consoleAccounts.signIn(name + "-b", "a-good-password", "10.2.0.2"),
                "and it still signs in");
        assertThrows(
                DomainException.class,
                () -> consoleAccounts.enable(ids[1], theirs.id(), false, name + "-b"),
                "nobody disables the account they are signed in with");
    }

    private java.util.Set<Permission> grantsOf(long webmasterId, Role role) {
        return rolePermissions.of(webmasterId).stream()
                .filter(g -> g.role() == role)
                .findFirst()
                .orElseThrow()
                .granted();
    }

    @Test
    void theWallShowsOnlyTheAskedWebmastersPerformers() {
        long[] ids = tx.call(em -> {
            Webmaster one = site(em, "Wall one");
            Webmaster two = site(em, "Wall two");
            Performer zed = performer(em, one, "zed");
            performer(em, one, "amy");
            performer(em, two, "other");
            PerformerPhoto photo = new PerformerPhoto(zed, 0, "image/png", new byte[] {1, 2, 3}, NOW);
            em.persist(photo);
            em.flush();
            return new long[] {one.id(), two.id(), zed.id(), photo.id()};
        });
        List<WallEntry> entries = wall.of(ids[0]);
        assertEquals(
                List.of("Amy", "Zed"),
                entries.stream().map(WallEntry::displayName).toList());
        WallEntry zed = entries.get(1);
        assertEquals(ids[2], zed.performerId());
        assertEquals(ids[3], zed.avatarPhotoId());
        assertEquals(null, entries.get(0).avatarPhotoId());

        assertEquals(3, wall.photo(ids[0], ids[3]).content().length);
        assertThrows(NotFound.class, () -> wall.photo(ids[1], ids[3]), "another webmaster's photo");
        assertThrows(NotFound.class, () -> wall.of(Long.MAX_VALUE));
    }

    private static Webmaster site(EntityManager em, String name) {
        Webmaster site = new Webmaster(name, "USD", new BigDecimal("0.01"), SECRET, NOW);
        em.persist(site);
        em.flush();
        return site;
    }

    private static ChatUser user(EntityManager em, Webmaster site, String handle, Role role) {
        ChatUser user = new ChatUser(site.id(), "ext-" + handle, handle, role, NOW);
        em.persist(user);
        em.flush();
        return user;
    }

    private static Performer performer(EntityManager em, Webmaster site, String handle) {
        String name = Character.toUpperCase(handle.charAt(0)) + handle.substring(1);
        Performer performer = new Performer(site, user(em, site, handle, Role.PERFORMER), name, 60, NOW);
        em.persist(performer);
        em.flush();
        return performer;
    }

    private static PayoutStatement statement(Webmaster site, Performer performer) {
        StatementTotals totals = new StatementTotals(0, 0, 1, 30, 30, new BigDecimal("0.30"), new BigDecimal("0.15"));
        return new PayoutStatement(
                site.id(), performer.id(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), totals, "USD", NOW);
    }

    /** The work fails in the database, on the named constraint, and its transaction leaves nothing behind. */
    private void assertRejectedBy(String constraint, Consumer<EntityManager> work) {
        try {
            tx.run(work);
            fail("expected the database to reject this with " + constraint);
        } catch (EJBException expected) {
            SQLException sql = sqlCause(expected);
            assertNotNull(sql, "no SQLException under " + expected);
            assertTrue(
                    sql.getSQLState() != null && sql.getSQLState().startsWith("23"),
                    "integrity violation expected, got SQLState " + sql.getSQLState() + ": " + sql.getMessage());
            assertTrue(
                    sql.getMessage().toLowerCase(Locale.ROOT).contains(constraint),
                    "expected " + constraint + " in: " + sql.getMessage());
        }
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
