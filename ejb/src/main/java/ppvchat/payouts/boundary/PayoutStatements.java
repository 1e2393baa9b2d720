package ppvchat.payouts.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ppvchat.payouts.entity.PayoutStatement;
import ppvchat.performers.entity.Performer;

/** A site's payout statements as the console lists them, newest period first. */
@Stateless
public class PayoutStatements {

    /** One performer's statement for one period. */
    public record Statement(
            long id,
            String performer,
            LocalDate periodStart,
            LocalDate periodEnd,
            long tips,
            long shows,
            long credits,
            BigDecimal gross,
            BigDecimal performerBenefit,
            String currency,
            String status) {}

    @PersistenceContext
    EntityManager em;

    public List<Statement> of(long webmasterId, int first, int max) {
        List<PayoutStatement> statements = em.createQuery(
                        "SELECT s FROM PayoutStatement s WHERE s.webmasterId = :w"
                                + " ORDER BY s.periodStart DESC, s.id DESC",
                        PayoutStatement.class)
                .setParameter("w", webmasterId)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
        Map<Long, String> names = em.createNamedQuery(Performer.OF_WEBMASTER, Performer.class)
                .setParameter("webmasterId", webmasterId)
                .getResultStream()
                .collect(Collectors.toMap(Performer::id, Performer::displayName));
        return statements.stream()
                .map(s -> new Statement(
                        s.id(),
                        names.getOrDefault(s.performerId(), "#" + s.performerId()),
                        s.periodStart(),
                        s.periodEnd(),
                        s.totals().tipsCount(),
                        s.totals().showsCount(),
                        s.totals().tipsCredits() + s.totals().showsCredits(),
                        s.totals().gross(),
                        s.totals().performerBenefit(),
                        s.currency(),
                        s.status().name()))
                .toList();
    }

    public long count(long webmasterId) {
        return em.createQuery("SELECT COUNT(s) FROM PayoutStatement s WHERE s.webmasterId = :w", Long.class)
                .setParameter("w", webmasterId)
                .getSingleResult();
    }
}
