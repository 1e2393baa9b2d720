package ppvchat.performers.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import ppvchat.accounts.control.TokenHolders;
import ppvchat.accounts.entity.Forbidden;
import ppvchat.payouts.entity.EarningAction;
import ppvchat.performers.entity.Performer;
import ppvchat.rooms.control.LiveRooms;
import ppvchat.tenancy.boundary.Webmasters;
import ppvchat.tenancy.entity.Webmaster;

/** The performer's own page: who they are on the wall, and what today brought. */
@Stateless
public class PerformerDesk {

    /** The signed-in performer as the wall shows them, and today's earnings. */
    public record Desk(WallEntry performer, PerformerDay today) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Webmasters webmasters;

    @Inject
    TokenHolders holders;

    @Inject
    LiveRooms rooms;

    @Inject
    Clock clock;

    /** The desk of the performer the chat token names; anyone else is told the page is for performers. */
    public Desk of(long webmasterId, String token) {
        Webmaster site = webmasters.find(webmasterId);
        long userId = holders.userOf(webmasterId, token).id();
        Performer performer = em.createNamedQuery(Performer.OF_USER, Performer.class)
                .setParameter("webmasterId", webmasterId)
                .setParameter("userId", userId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new Forbidden("this page is for performers: sign in with a performer's login"));
        performer.requireEnabled();
        Long avatar = em.createQuery(
                        "SELECT f.id FROM PerformerPhoto f WHERE f.webmasterId = :webmasterId"
                                + " AND f.performerId = :performerId ORDER BY f.sortOrder",
                        Long.class)
                .setParameter("webmasterId", webmasterId)
                .setParameter("performerId", performer.id())
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
        return new Desk(WallEntry.of(performer, avatar, rooms.statusOf(performer.id())), today(site, performer.id()));
    }

    private PerformerDay today(Webmaster site, long performerId) {
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        var from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Object[] tips = em.createQuery(
                        "SELECT COUNT(e), SUM(e.credits), SUM(e.performerBenefit) FROM Earning e"
                                + " WHERE e.webmasterId = :webmasterId AND e.performerId = :performerId"
                                + " AND e.action = :action AND e.date >= :from",
                        Object[].class)
                .setParameter("webmasterId", site.id())
                .setParameter("performerId", performerId)
                .setParameter("action", EarningAction.TIPS)
                .setParameter("from", from)
                .getSingleResult();
        Object[] shows = em.createQuery(
                        "SELECT COUNT(e), SUM(e.credits), SUM(e.performerBenefit), SUM(s.billedSeconds)"
                                + " FROM Earning e, PrivateShow s WHERE s.id = e.showId"
                                + " AND e.webmasterId = :webmasterId AND e.performerId = :performerId"
                                + " AND e.action = :action AND e.date >= :from",
                        Object[].class)
                .setParameter("webmasterId", site.id())
                .setParameter("performerId", performerId)
                .setParameter("action", EarningAction.LIVESHOW)
                .setParameter("from", from)
                .getSingleResult();
        BigDecimal earnings = money(tips[2]).add(money(shows[2])).setScale(Webmaster.MONEY_SCALE);
        return new PerformerDay(
                day,
                count(tips[0]),
                count(tips[1]),
                count(shows[0]),
                count(shows[3]),
                count(shows[1]),
                earnings,
                site.currency());
    }

    private static long count(Object sum) {
        return sum == null ? 0 : ((Number) sum).longValue();
    }

    private static BigDecimal money(Object sum) {
        return sum == null ? BigDecimal.ZERO : (BigDecimal) sum;
    }
}
