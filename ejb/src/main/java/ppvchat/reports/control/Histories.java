package ppvchat.reports.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.performers.entity.Performer;
import ppvchat.platform.entity.NotFound;
import ppvchat.reports.boundary.EarningsLine;
import ppvchat.reports.boundary.PerformerHistory;
import ppvchat.reports.boundary.UserHistory;
import ppvchat.tenancy.entity.Webmaster;

/**
 * A user's ledger and a performer's earnings a page at a time, each row joined in the database to what
 * it was about (show, tip, performer, PayPal capture), and the all-time sums beside them.
 */
@ApplicationScoped
public class Histories {

    @PersistenceContext
    EntityManager em;

    public UserHistory ofUser(Webmaster site, long userId, int first, int max) {
        ChatUser user = em.find(ChatUser.class, userId);
        if (user == null || user.webmasterId() != site.id()) {
            throw new NotFound("no user " + userId + " on this site");
        }
        long purchases = 0, purchased = 0, tips = 0, tipped = 0, shows = 0, watched = 0, entries = 0;
        for (Object[] row : rows(em.createNativeQuery("SELECT kind, COUNT(*), SUM(credits) FROM ledger_entry"
                        + " WHERE webmasterid = ?1 AND user_id = ?2 GROUP BY kind")
                .setParameter(1, site.id())
                .setParameter(2, userId)
                .getResultList())) {
            long count = Cells.count(row[1]);
            long credits = Cells.count(row[2]);
            entries += count;
            switch (String.valueOf(row[0])) {
                case "PURCHASE" -> {
                    purchases = count;
                    purchased = credits;
                }
                case "TIP" -> {
                    tips = count;
                    tipped = -credits;
                }
                case "SHOW_CHARGE" -> {
                    shows = count;
                    watched = -credits;
                }
                default -> {}
            }
        }
        Object paid = em.createNativeQuery("SELECT COALESCE(SUM(gross - refunded), 0) FROM ppv_paypal"
                        + " WHERE webmasterid = ?1 AND userid = ?2 AND payment_status NOT IN ('PENDING', 'DECLINED')")
                .setParameter(1, site.id())
                .setParameter(2, userId)
                .getSingleResult();
        List<UserHistory.Entry> page = rows(em.createNativeQuery(
                                "SELECT e.id, e.created_at, e.kind, e.credits, e.balance_after, p.display_name,"
                                        + " s.billed_seconds, pp.txn_id, pp.gross, e.actor, e.reason FROM ledger_entry e"
                                        + " LEFT JOIN private_show s ON s.webmasterid = e.webmasterid AND s.id = e.show_id"
                                        + " LEFT JOIN ppv_tips t ON t.webmasterid = e.webmasterid AND t.id = e.tip_id"
                                        + " LEFT JOIN performer p ON p.webmasterid = e.webmasterid"
                                        + " AND p.id = COALESCE(s.performer_id, t.performerid)"
                                        + " LEFT JOIN ppv_paypal pp ON pp.webmasterid = e.webmasterid AND pp.id = e.paypal_id"
                                        + " WHERE e.webmasterid = ?1 AND e.user_id = ?2 ORDER BY e.id DESC")
                        .setParameter(1, site.id())
                        .setParameter(2, userId)
                        .setFirstResult(first)
                        .setMaxResults(max)
                        .getResultList())
                .stream()
                .map(row -> new UserHistory.Entry(
                        Cells.count(row[0]),
                        Cells.instant(row[1]),
                        Cells.text(row[2]),
                        Cells.count(row[3]),
                        Cells.count(row[4]),
                        Cells.text(row[5]),
                        Cells.countOrNull(row[6]),
                        Cells.text(row[7]),
                        Cells.moneyOrNull(row[8]),
                        Cells.text(row[9]),
                        Cells.text(row[10])))
                .toList();
        return new UserHistory(
                userId,
                user.username(),
                site.currency(),
                user.credits(),
                user.heldCredits(),
                purchases,
                purchased,
                Cells.money(paid),
                tips,
                tipped,
                shows,
                watched,
                entries,
                page);
    }

    public PerformerHistory ofPerformer(Webmaster site, Performer performer, EarningsLine allTime, int first, int max) {
        List<PerformerHistory.Entry> page = rows(em.createNativeQuery(
                                "SELECT t.id, t.date, t.action, t.userid, u.username, t.credits, s.billed_seconds,"
                                        + " s.end_reason, t.price, t.performerBenefit, t.statement_id FROM ppv_tips t"
                                        + " JOIN chat_user u ON u.webmasterid = t.webmasterid AND u.id = t.userid"
                                        + " LEFT JOIN private_show s ON s.webmasterid = t.webmasterid AND s.id = t.show_id"
                                        + " WHERE t.webmasterid = ?1 AND t.performerid = ?2 ORDER BY t.date DESC, t.id DESC")
                        .setParameter(1, site.id())
                        .setParameter(2, performer.id())
                        .setFirstResult(first)
                        .setMaxResults(max)
                        .getResultList())
                .stream()
                .map(row -> new PerformerHistory.Entry(
                        Cells.count(row[0]),
                        Cells.instant(row[1]),
                        "liveshow".equals(row[2]) ? "show" : "tip",
                        Cells.count(row[3]),
                        Cells.text(row[4]),
                        Cells.count(row[5]),
                        Cells.countOrNull(row[6]),
                        Cells.text(row[7]),
                        Cells.money(row[8]),
                        Cells.money(row[9]),
                        Cells.countOrNull(row[10])))
                .toList();
        return new PerformerHistory(
                performer.id(),
                performer.displayName(),
                site.currency(),
                allTime,
                allTime.tips() + allTime.shows(),
                page);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }
}
