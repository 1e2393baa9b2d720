package ppvchat.payouts.batch;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads and bends the earnings table as the payout tests need: each call in its own committed transaction. */
@Stateless
public class PayoutFixtures {

    @PersistenceContext
    EntityManager em;

    /** Every earning of the site with the statement that pays it (0 when unpaid), by earning id. */
    public Map<Long, Long> marks(long siteId) {
        Map<Long, Long> marks = new TreeMap<>();
        for (Object row : em.createNativeQuery("SELECT id, statement_id FROM ppv_tips WHERE webmasterid = ?1")
                .setParameter(1, siteId)
                .getResultList()) {
            Object[] cells = (Object[]) row;
            marks.put(((Number) cells[0]).longValue(), cells[1] == null ? 0L : ((Number) cells[1]).longValue());
        }
        return marks;
    }

    /** The earning a show booked, made to claim more credits than the show charged. */
    public long inflateShowEarning(long showId, long extraCredits) {
        em.createNativeQuery("UPDATE ppv_tips SET credits = credits + ?1 WHERE show_id = ?2")
                .setParameter(1, extraCredits)
                .setParameter(2, showId)
                .executeUpdate();
        return ((Number) em.createNativeQuery("SELECT id FROM ppv_tips WHERE show_id = ?1")
                        .setParameter(1, showId)
                        .getSingleResult())
                .longValue();
    }

    /** The site's statements and runs as rows of text, to compare before and after. */
    public List<String> snapshot(long siteId) {
        List<String> rows = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT id, performer_id, period_start, period_end, tips_count,"
                        + " tips_credits, shows_count, shows_seconds, shows_credits, gross, performer_benefit, status,"
                        + " version FROM payout_statement WHERE webmasterid = ?1 ORDER BY id")
                .setParameter(1, siteId)
                .getResultList()) {
            rows.add("statement " + Arrays.toString((Object[]) row));
        }
        for (Object row : em.createNativeQuery("SELECT id, status, attempts, performers_total, performers_done,"
                        + " statements_made, earnings_paid, earnings_skipped FROM payout_run WHERE webmasterid = ?1"
                        + " ORDER BY id")
                .setParameter(1, siteId)
                .getResultList()) {
            rows.add("run " + Arrays.toString((Object[]) row));
        }
        rows.add("marks " + marks(siteId));
        return rows;
    }
}
