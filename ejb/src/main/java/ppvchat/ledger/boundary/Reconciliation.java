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
        long balances = sum("SELECT COALESCE(SUM(credits), 0) FROM chat_user WHERE webmasterid = ?1", webmasterId);
        long held = sum("SELECT COALESCE(SUM(held_credits), 0) FROM chat_user WHERE webmasterid = ?1", webmasterId);

        if (purchased - refunded - reversed + adjusted - spent != balances) {
            problems.add("purchased " + purchased + " - refunded " + refunded + " - reversed " + reversed
                    + " + adjusted " + adjusted + " - spent " + spent + " != balances " + balances);
        }
        report(
                problems,
                "users whose balance differs from their ledger",
                "SELECT COUNT(*) FROM chat_user u WHERE u.webmasterid = ?1 AND u.credits <> (SELECT COALESCE(SUM(e.credits), 0)"
                        + " FROM ledger_entry e WHERE e.webmasterid = u.webmasterid AND e.user_id = u.id)",
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
                "SELECT COUNT(*) FROM chat_user u WHERE u.webmasterid = ?1 AND u.held_credits <> (SELECT"
                        + " COALESCE(SUM(s.held_credits), 0) FROM private_show s WHERE s.webmasterid = u.webmasterid"
                        + " AND s.user_id = u.id AND s.status IN ('ACCEPTED', 'RUNNING'))",
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
                "SELECT COUNT(*) FROM private_show s WHERE s.webmasterid = ?1 AND s.status = 'ENDED' AND"
                        + " s.credits_charged <> -(SELECT COALESCE(SUM(e.credits), 0) FROM ledger_entry e"
                        + " WHERE e.webmasterid = s.webmasterid AND e.show_id = s.id AND e.kind = 'SHOW_CHARGE')",
                webmasterId);
        report(
                problems,
                "ended shows whose earning differs from their charge",
                "SELECT COUNT(*) FROM private_show s WHERE s.webmasterid = ?1 AND s.status = 'ENDED' AND"
                        + " s.credits_charged <> (SELECT COALESCE(SUM(t.credits), 0) FROM ppv_tips t"
                        + " WHERE t.webmasterid = s.webmasterid AND t.show_id = s.id)",
                webmasterId);
        report(
                problems,
                "tips whose earning differs from their ledger entry",
                "SELECT COUNT(*) FROM ppv_tips t WHERE t.webmasterid = ?1 AND t.action = 'tips' AND t.credits <>"
                        + " -(SELECT COALESCE(SUM(e.credits), 0) FROM ledger_entry e WHERE e.webmasterid ="
                        + " t.webmasterid AND e.tip_id = t.id AND e.kind = 'TIP')",
                webmasterId);
        return new ReconciliationReport(
                webmasterId, purchased, refunded, reversed, adjusted, spent, balances, held, List.copyOf(problems));
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
