package ppvchat.ledger.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves the money invariants for one webmaster from the database alone, in the database (aggregate
 * queries, never row by row in Java): purchases − refunds − reversals ± adjustments − spend = sum of
 * balances; each balance = its ledger; no negative balance or hold beyond the balance; holds match the
 * open shows; no idempotency key twice; each ended show charged once, as much as its earning says.
 */
@Stateless
public class Reconciliation {

    @PersistenceContext
    EntityManager em;

    public ReconciliationReport check(long webmasterId) {
        List<String> problems = new ArrayList<>();
        long purchased = sum(
                "SELECT COALESCE(SUM(credits), 0) FROM ledger_entry WHERE webmasterid = ?1" + " AND kind = 'PURCHASE'",
                webmasterId);
        long refunded = -sum(
                "SELECT COALESCE(SUM(credits), 0) FROM ledger_entry WHERE webmasterid = ?1" + " AND kind = 'REFUND'",
                webmasterId);
        long reversed = -sum(
                "SELECT COALESCE(SUM(credits), 0) FROM ledger_entry WHERE webmasterid = ?1" + " AND kind = 'REVERSAL'",
                webmasterId);
        long adjusted = sum(
                "SELECT COALESCE(SUM(credits), 0) FROM ledger_entry WHERE webmasterid = ?1"
                        + " AND kind = 'ADJUSTMENT'",
                webmasterId);
        long spent = -sum(
                "SELECT COALESCE(SUM(credits), 0) FROM ledger_entry WHERE webmasterid = ?1"
                        + " AND kind IN ('SHOW_CHARGE', 'TIP')",
                webmasterId);
        long fromSiteServer = sum(
                "SELECT COALESCE(SUM(credits), 0) FROM ledger_entry WHERE webmasterid = ?1 AND kind = 'EXT_DEBIT'",
                webmasterId);
        long backToSiteServer = -sum(
                "SELECT COALESCE(SUM(credits), 0) FROM ledger_entry WHERE webmasterid = ?1 AND kind = 'EXT_RETURN'",
                webmasterId);
        long balances = sum("SELECT COALESCE(SUM(credits), 0) FROM chat_user WHERE webmasterid = ?1", webmasterId);
        long held = sum("SELECT COALESCE(SUM(held_credits), 0) FROM chat_user WHERE webmasterid = ?1", webmasterId);

        if (purchased - refunded - reversed + adjusted + fromSiteServer - backToSiteServer - spent != balances) {
            problems.add("purchased " + purchased + " - refunded " + refunded + " - reversed " + reversed
                    + " + adjusted " + adjusted + " + debited by the site's server " + fromSiteServer
                    + " - returned to it " + backToSiteServer + " - spent " + spent + " != balances " + balances);
        }
        // Each check aggregates once and joins back: correlated subqueries per row took minutes at 20,000 users.
        report(
                problems,
                "users whose balance differs from their ledger",
                "SELECT COUNT(*) FROM chat_user u LEFT JOIN (SELECT user_id, SUM(credits) AS total FROM ledger_entry"
                        + " WHERE webmasterid = ?1 GROUP BY user_id) l ON l.user_id = u.id"
                        + " WHERE u.webmasterid = ?1 AND u.credits <> COALESCE(l.total, 0)",
                webmasterId);
        report(
                problems,
                "users with a negative balance or a hold beyond it",
                "SELECT COUNT(*) FROM chat_user WHERE webmasterid = ?1 AND (credits < 0 OR held_credits < 0"
                        + " OR held_credits > credits)",
                webmasterId);
        report(
                problems,
                "users whose held credits differ from their open shows' holds",
                "SELECT COUNT(*) FROM chat_user u LEFT JOIN (SELECT user_id, SUM(held_credits) AS total FROM private_show"
                        + " WHERE webmasterid = ?1 AND status IN ('ACCEPTED', 'RUNNING') GROUP BY user_id) h"
                        + " ON h.user_id = u.id WHERE u.webmasterid = ?1 AND u.held_credits <> COALESCE(h.total, 0)",
                webmasterId);
        report(
                problems,
                "idempotency keys used more than once",
                "SELECT COUNT(*) FROM (SELECT idempotency_key FROM ledger_entry WHERE webmasterid = ?1"
                        + " GROUP BY idempotency_key HAVING COUNT(*) > 1) duplicates",
                webmasterId);
        report(
                problems,
                "ended shows whose charge is not exactly one ledger entry of the same amount",
                "SELECT COUNT(*) FROM private_show s LEFT JOIN (SELECT show_id, SUM(credits) AS total, COUNT(*) AS entries"
                        + " FROM ledger_entry WHERE webmasterid = ?1 AND kind = 'SHOW_CHARGE' GROUP BY show_id) c"
                        + " ON c.show_id = s.id WHERE s.webmasterid = ?1 AND s.status = 'ENDED'"
                        + " AND (s.credits_charged <> -COALESCE(c.total, 0) OR COALESCE(c.entries, 0) > 1)",
                webmasterId);
        report(
                problems,
                "ended shows whose earning differs from their charge",
                "SELECT COUNT(*) FROM private_show s LEFT JOIN (SELECT show_id, SUM(credits) AS total FROM ppv_tips"
                        + " WHERE webmasterid = ?1 AND show_id IS NOT NULL GROUP BY show_id) t ON t.show_id = s.id"
                        + " WHERE s.webmasterid = ?1 AND s.status = 'ENDED' AND s.credits_charged <> COALESCE(t.total, 0)",
                webmasterId);
        report(
                problems,
                "tips whose earning differs from their ledger entry",
                "SELECT COUNT(*) FROM ppv_tips t LEFT JOIN (SELECT tip_id, SUM(credits) AS total FROM ledger_entry"
                        + " WHERE webmasterid = ?1 AND kind = 'TIP' GROUP BY tip_id) e ON e.tip_id = t.id"
                        + " WHERE t.webmasterid = ?1 AND t.action = 'tips' AND t.credits <> -COALESCE(e.total, 0)",
                webmasterId);
        report(
                problems,
                "PayPal captures not credited exactly once (a completed one once, a pending or declined one never)",
                "SELECT COUNT(*) FROM ppv_paypal p LEFT JOIN (SELECT paypal_id, COUNT(*) AS entries FROM ledger_entry"
                        + " WHERE webmasterid = ?1 AND kind = 'PURCHASE' GROUP BY paypal_id) e ON e.paypal_id = p.id"
                        + " WHERE p.webmasterid = ?1 AND COALESCE(e.entries, 0)"
                        + " <> CASE WHEN p.payment_status IN ('PENDING', 'DECLINED') THEN 0 ELSE 1 END",
                webmasterId);
        return new ReconciliationReport(
                webmasterId,
                purchased,
                refunded,
                reversed,
                adjusted,
                spent,
                balances,
                held,
                fromSiteServer,
                backToSiteServer,
                List.copyOf(problems));
    }

    private void report(List<String> problems, String what, String countQuery, long webmasterId) {
        long count = sum(countQuery, webmasterId);
        if (count > 0) {
            problems.add(count + " " + what);
        }
    }

    private long sum(String sql, long webmasterId) {
        Object result = em.createNativeQuery(sql).setParameter(1, webmasterId).getSingleResult();
        return ((Number) result).longValue();
    }
}
