package ppvchat.external.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ppvchat.external.control.ExternalCallFailed;
import ppvchat.external.control.ExternalMoves;
import ppvchat.external.control.SiteServers;
import ppvchat.external.entity.ExternalMove;
import ppvchat.external.entity.MoveKind;
import ppvchat.external.entity.MoveStatus;
import ppvchat.external.entity.Reconciliation;
import ppvchat.platform.entity.DomainException;
import ppvchat.tenancy.boundary.Webmasters;
import ppvchat.tenancy.entity.Webmaster;

/**
 * External mode's books, side by side: what the chat billed (shows and tips), what it asked the site's server to
 * debit and refund, and what that server says it applied. Every debit and refund is matched by its key; what is
 * only on one side, or differs, is listed for the webmaster to look at.
 */
@Stateless
public class ExternalBooks {

    /** One call the two sides do not agree on. */
    public record Difference(String key, String kind, long creditsHere, long creditsThere, String what) {}

    /** The comparison for a period. */
    public record Comparison(
            Instant from,
            Instant to,
            long billedHere,
            long debitedHere,
            long refundedHere,
            long debitedThere,
            long refundedThere,
            long pending,
            long refused,
            List<Difference> differences) {

        public boolean clean() {
            return differences.isEmpty() && refused == 0;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Webmasters webmasters;

    @Inject
    SiteServers servers;

    @Inject
    Clock clock;

    /** Whether the site keeps its users' credits on its own server, so that there are two books to compare. */
    public boolean keepsCreditsThere(long webmasterId) {
        return ExternalWallet.keepsCredits(webmasters.find(webmasterId));
    }

    /** Today in the site's time zone, the last day of the period the console proposes (the last seven days). */
    public LocalDate today(long webmasterId) {
        return LocalDate.now(clock.withZone(webmasters.find(webmasterId).timeZone()));
    }

    /** The comparison for whole days of the site's time zone, {@code first} through {@code last}. */
    public Comparison compare(long webmasterId, LocalDate first, LocalDate last) {
        if (first == null || last == null) {
            throw new DomainException("a comparison needs a first and a last day");
        }
        if (last.isBefore(first)) {
            throw new DomainException("the first day " + first + " comes after the last day " + last);
        }
        ZoneId zone = webmasters.find(webmasterId).timeZone();
        return compare(
                webmasterId,
                first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** How many of the site's calls stand at each status: pending ones are still being delivered. */
    public Map<MoveStatus, Long> moves(long webmasterId) {
        Map<MoveStatus, Long> counts = new EnumMap<>(MoveStatus.class);
        for (MoveStatus status : MoveStatus.values()) {
            counts.put(status, 0L);
        }
        em.createQuery(
                        "SELECT m.status, COUNT(m) FROM ExternalMove m WHERE m.webmasterId = :w GROUP BY m.status",
                        Object[].class)
                .setParameter("w", webmasterId)
                .getResultList()
                .forEach(row -> counts.put((MoveStatus) row[0], (Long) row[1]));
        return counts;
    }

    public Comparison compare(long webmasterId, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new DomainException("the period must end after it starts");
        }
        Webmaster site = webmasters.find(webmasterId);
        if (!ExternalWallet.keepsCredits(site)) {
            throw new DomainException("this site keeps its credits here (embed mode): there is nothing to compare");
        }
        Reconciliation there;
        try {
            there = servers.of(site).reconciliation(from, to);
        } catch (ExternalCallFailed e) {
            throw new DomainException("the site's server did not give its books: " + e.getMessage());
        }
        List<ExternalMove> here = em.createNamedQuery(ExternalMove.OF_SITE, ExternalMove.class)
                .setParameter("webmasterId", webmasterId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        Map<String, Long> debitsThere = new HashMap<>();
        there.debits().forEach(d -> debitsThere.put(d.key(), d.credits()));
        Map<String, Long> refundsThere = new HashMap<>();
        there.refunds().forEach(r -> refundsThere.put(r.key(), r.credits()));

        List<Difference> differences = new ArrayList<>();
        long debitedHere = 0;
        long refundedHere = 0;
        long pending = 0;
        long refused = 0;
        for (ExternalMove move : here) {
            if (move.status() == MoveStatus.PENDING) {
                pending++;
            }
            if (move.status() == MoveStatus.REFUSED) {
                refused++;
            }
            if (move.kind() == MoveKind.DEBIT) {
                Long credits = debitsThere.remove(move.key());
                if (move.status() == MoveStatus.CONFIRMED) {
                    debitedHere += move.credits();
                    compare(differences, move, credits, "DEBIT");
                } else if (move.status() == MoveStatus.VOID && credits != null) {
                    // Applied there, never booked here: its undo must have given it all back.
                    Long undone = refundsThere.remove(ExternalMoves.UNDO + move.key());
                    if (undone == null || undone.longValue() != credits) {
                        differences.add(new Difference(
                                move.key(),
                                "DEBIT",
                                0,
                                credits,
                                "debited on the site's server but never booked here, and not given back"));
                    }
                }
            } else if (move.kind() == MoveKind.REFUND
                    && move.status() == MoveStatus.CONFIRMED
                    && !move.key().startsWith(ExternalMoves.UNDO)) { // undos are matched with their debit
                refundedHere += move.credits();
                compare(differences, move, refundsThere.remove(move.key()), "REFUND");
            }
        }
        debitsThere.forEach((key, credits) ->
                differences.add(new Difference(key, "DEBIT", 0, credits, "only on the site's server")));
        refundsThere.forEach((key, credits) ->
                differences.add(new Difference(key, "REFUND", 0, credits, "only on the site's server")));
        long billed = -((Number) em.createNativeQuery(
                                "SELECT COALESCE(SUM(credits), 0) FROM ledger_entry WHERE webmasterid = ?1"
                                        + " AND kind IN ('SHOW_CHARGE', 'TIP') AND created_at >= ?2 AND created_at < ?3")
                        .setParameter(1, webmasterId)
                        .setParameter(2, LocalDateTime.ofInstant(from, ZoneOffset.UTC))
                        .setParameter(3, LocalDateTime.ofInstant(to, ZoneOffset.UTC))
                        .getSingleResult())
                .longValue();
        return new Comparison(
                from,
                to,
                billed,
                debitedHere,
                refundedHere,
                there.debits().stream()
                        .mapToLong(Reconciliation.AppliedDebit::credits)
                        .sum(),
                there.refunds().stream()
                        .mapToLong(Reconciliation.AppliedRefund::credits)
                        .sum(),
                pending,
                refused,
                List.copyOf(differences));
    }

    private static void compare(List<Difference> differences, ExternalMove move, Long there, String kind) {
        if (there == null) {
            differences.add(new Difference(move.key(), kind, move.credits(), 0, "confirmed here, unknown there"));
        } else if (there != move.credits()) {
            differences.add(new Difference(move.key(), kind, move.credits(), there, "the amounts differ"));
        }
    }
}
