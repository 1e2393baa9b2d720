package ppvchat.reports.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import ppvchat.ledger.boundary.Reconciliation;
import ppvchat.ledger.boundary.ReconciliationReport;
import ppvchat.performers.boundary.PerformerWall;
import ppvchat.performers.entity.PerformerStatus;

/**
 * A site's day at a glance (the UTC day so far), each figure one aggregate query in the database: money
 * PayPal captured less what went back, credits sold and spent, shows ended, tips, performers online, open
 * support tickets, and whether the books balance.
 */
@Stateless
public class Dashboard {

    public record Today(
            BigDecimal revenue,
            long creditsSold,
            long creditsSpent,
            long shows,
            long tips,
            long performersOnline,
            long openTickets,
            boolean booksBalance,
            List<String> problems) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Reconciliation reconciliation;

    @Inject
    PerformerWall wall;

    public Today today(long webmasterId) {
        LocalDateTime since = LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay();
        ReconciliationReport books = reconciliation.check(webmasterId);
        return new Today(
                new BigDecimal(String.valueOf(single(
                                "SELECT COALESCE(SUM(gross - refunded), 0) FROM ppv_paypal WHERE webmasterid = ?1"
                                        + " AND date >= ?2 AND payment_status NOT IN ('PENDING', 'DECLINED')",
                                webmasterId,
                                since)))
                        .setScale(2),
                number(
                        "SELECT COALESCE(SUM(credits), 0) FROM ledger_entry WHERE webmasterid = ?1"
                                + " AND created_at >= ?2 AND kind = 'PURCHASE'",
                        webmasterId,
                        since),
                -number(
                        "SELECT COALESCE(SUM(credits), 0) FROM ledger_entry WHERE webmasterid = ?1"
                                + " AND created_at >= ?2 AND kind IN ('SHOW_CHARGE', 'TIP')",
                        webmasterId,
                        since),
                number(
                        "SELECT COUNT(*) FROM private_show WHERE webmasterid = ?1 AND ended_at >= ?2"
                                + " AND status = 'ENDED'",
                        webmasterId,
                        since),
                number(
                        "SELECT COUNT(*) FROM ppv_tips WHERE webmasterid = ?1 AND date >= ?2 AND action = 'tips'",
                        webmasterId,
                        since),
                wall.of(webmasterId).stream()
                        .filter(entry -> entry.status() != PerformerStatus.OFFLINE)
                        .count(),
                ((Number) em.createNativeQuery(
                                        "SELECT COUNT(*) FROM support_ticket WHERE webmasterid = ?1 AND status <> 'CLOSED'")
                                .setParameter(1, webmasterId)
                                .getSingleResult())
                        .longValue(),
                books.clean(),
                books.problems());
    }

    private long number(String sql, long webmasterId, LocalDateTime since) {
        return ((Number) single(sql, webmasterId, since)).longValue();
    }

    private Object single(String sql, long webmasterId, LocalDateTime since) {
        return em.createNativeQuery(sql)
                .setParameter(1, webmasterId)
                .setParameter(2, since)
                .getSingleResult();
    }
}
