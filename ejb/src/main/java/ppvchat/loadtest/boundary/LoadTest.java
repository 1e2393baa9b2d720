package ppvchat.loadtest.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Role;
import ppvchat.ledger.control.Ledger;
import ppvchat.loadtest.control.LoadTestSite;
import ppvchat.moderation.entity.TypingPreviewAudit;
import ppvchat.platform.control.BoundedParallel;
import ppvchat.platform.control.Deadlocks;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.rooms.boundary.Rooms;
import ppvchat.rooms.entity.ShowStatus;
import ppvchat.tenancy.entity.BillingPolicy;

/**
 * Drives many private shows through the real rooms, for the metering benchmark and the crash test. Off
 * unless {@code ppv.loadtest.enabled} is true; it creates a separate synthetic webmaster each time.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LoadTest {

    private static final int CHUNK = 250;
    private static final int WIDTH = 4;

    @Inject
    @ConfigProperty(name = "ppv.loadtest.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    LoadTestSite site;

    @Inject
    Ledger ledger;

    @Inject
    Rooms rooms;

    @PersistenceContext
    EntityManager em;

    @Resource
    ManagedExecutorService executor;

    public boolean enabled() {
        return enabled;
    }

    /**
     * A new site with the given billing policy and {@code count} performers, each in a private show with their
     * own paying user.
     */
    public StartedShows startShows(int count, int ratePerMinute, long creditsEach, BillingPolicy policy) {
        requireEnabled();
        if (count < 1 || count > 20_000 || ratePerMinute < 1 || ratePerMinute > 6_000 || creditsEach < 1) {
            throw new DomainException("1-20000 shows, a rate of 1-6000 credits per minute, at least 1 credit each");
        }
        long began = System.nanoTime();
        long webmasterId = site.webmaster("Load test " + System.currentTimeMillis(), policy);
        List<Callable<List<LoadTestSite.Pair>>> chunks = new ArrayList<>();
        for (int from = 0; from < count; from += CHUNK) {
            int start = from;
            int end = Math.min(count, from + CHUNK);
            chunks.add(() -> site.pairs(webmasterId, start, end, ratePerMinute, creditsEach));
        }
        List<Callable<Long>> shows = new ArrayList<>();
        for (LoadTestSite.Pair pair : flatten(BoundedParallel.run(executor, WIDTH, chunks))) {
            shows.add(() -> {
                Deadlocks.retried(() -> {
                    rooms.goOnline(webmasterId, pair.performerUserId());
                    return null;
                });
                long showId =
                        Deadlocks.retried(() -> rooms.requestPrivate(webmasterId, pair.userId(), pair.performerId()));
                Deadlocks.retried(() -> {
                    rooms.accept(webmasterId, pair.performerUserId(), showId);
                    return null;
                });
                return showId;
            });
        }
        BoundedParallel.run(executor, WIDTH, shows);
        return new StartedShows(webmasterId, count, (System.nanoTime() - began) / 1_000_000);
    }

    /**
     * A new site for protocol tests and the fan-out benchmark: performers at {@code ratePerMinute}, users
     * with {@code credits} each, a moderator, a guest, and {@code watchers} guests to fill a room, all
     * with signed tokens. Names are made unique by the site's id.
     */
    public TestSite site(
            int performers,
            int users,
            long credits,
            int ratePerMinute,
            int watchers,
            String origin,
            List<String> badWords,
            BillingPolicy policy) {
        requireEnabled();
        if (performers < 1
                || performers > 100
                || users < 0
                || users > 100
                || watchers < 0
                || watchers > 20_000
                || credits < 0
                || ratePerMinute < 1
                || ratePerMinute > 6_000) {
            throw new DomainException("1-100 performers, 0-100 users, 0-20000 watchers, a rate of 1-6000 a minute");
        }
        long webmasterId = site.webmaster("Protocol test " + System.nanoTime(), policy, origin, badWords);
        String tag = "s" + webmasterId;
        List<TestSite.Member> stars = new ArrayList<>();
        for (int i = 0; i < performers; i++) {
            stars.add(site.member(webmasterId, tag + "-star-" + i, Role.PERFORMER, ratePerMinute, 0));
        }
        List<TestSite.Member> fans = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            fans.add(site.member(webmasterId, tag + "-user-" + i, Role.USER, ratePerMinute, credits));
        }
        TestSite.Member moderator = site.member(webmasterId, tag + "-mod", Role.MODERATOR, ratePerMinute, 0);
        TestSite.Member guest = site.member(webmasterId, tag + "-guest", Role.GUEST, ratePerMinute, 0);
        List<Callable<List<String>>> chunks = new ArrayList<>();
        for (int from = 0; from < watchers; from += CHUNK) {
            int start = from;
            int end = Math.min(watchers, from + CHUNK);
            chunks.add(() -> site.watchers(webmasterId, start, end));
        }
        // One chunk at a time: H2 has refused parallel inserts into chat_user here (duplicate identity).
        List<String> crowd = flatten(BoundedParallel.run(executor, 1, chunks));
        return new TestSite(webmasterId, origin, stars, fans, moderator, guest, crowd);
    }

    /** How many rows of each kind a site has: what the protocol tests compare before and after bad input. */
    public Map<String, Long> counts(long webmasterId) {
        requireEnabled();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String entity : List.of(
                "PrivateShow", "Earning", "LedgerEntry", "ModerationAction", "TypingPreviewAudit", "ChatPhoto")) {
            counts.put(
                    entity,
                    em.createQuery("SELECT COUNT(e) FROM " + entity + " e WHERE e.webmasterId = :w", Long.class)
                            .setParameter("w", webmasterId)
                            .getSingleResult());
        }
        Number credits = em.createQuery("SELECT SUM(u.credits) FROM ChatUser u WHERE u.webmasterId = :w", Number.class)
                .setParameter("w", webmasterId)
                .getSingleResult();
        counts.put("credits", credits == null ? 0 : credits.longValue());
        return counts;
    }

    /** Who watched typing previews where, newest first. */
    public List<Map<String, Object>> typingAudit(long webmasterId) {
        requireEnabled();
        return em.createNamedQuery(TypingPreviewAudit.OF_WEBMASTER, TypingPreviewAudit.class)
                .setParameter("webmasterId", webmasterId)
                .getResultStream()
                .map(a -> Map.<String, Object>of(
                        "viewerUserId", a.viewerUserId(),
                        "viewerRole", a.viewerRole().name(),
                        "performerId", a.performerId(),
                        "startedAt", a.startedAt().toString()))
                .toList();
    }

    /**
     * Grants a user of any site credits through the ledger (an audited adjustment by "loadtest"), so that a
     * browser test can run a show out of credits in seconds. Answers the new balance.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public long grant(long webmasterId, String username, long credits) {
        requireEnabled();
        if (credits <= 0) {
            throw new DomainException("a grant is at least one credit");
        }
        long userId = em.createNamedQuery(ChatUser.BY_USERNAME, ChatUser.class)
                .setParameter("webmasterId", webmasterId)
                .setParameter("username", username.toLowerCase(Locale.ROOT))
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFound("no user " + username))
                .id();
        ChatUser user = ledger.lockUser(webmasterId, userId);
        ledger.adjust(user, credits, "loadtest", "test credits", "loadtest-grant-" + UUID.randomUUID());
        return user.credits();
    }

    /** Ends every running show of a load-test site, as its users leaving would. */
    public int endShows(long webmasterId) {
        requireEnabled();
        List<Object[]> running = em.createQuery(
                        "SELECT s.id, s.userId FROM PrivateShow s WHERE s.webmasterId = :w AND s.status = :running",
                        Object[].class)
                .setParameter("w", webmasterId)
                .setParameter("running", ShowStatus.RUNNING)
                .getResultList();
        List<Callable<Long>> ends = new ArrayList<>();
        for (Object[] show : running) {
            ends.add(() -> Deadlocks.retried(() -> {
                rooms.endShow(webmasterId, (Long) show[1], (Long) show[0]);
                return (Long) show[0];
            }));
        }
        BoundedParallel.run(executor, WIDTH, ends);
        return running.size();
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new NotFound("load tests are off (ppv.loadtest.enabled)");
        }
    }

    private static <T> List<T> flatten(List<List<T>> lists) {
        return lists.stream().flatMap(List::stream).toList();
    }
}
