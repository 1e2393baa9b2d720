package ppvchat.payouts.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ppvchat.metering.control.MeteringNode;
import ppvchat.payouts.entity.PayoutRun;
import ppvchat.payouts.entity.PayoutStatement;
import ppvchat.payouts.entity.RunStatus;
import ppvchat.payouts.entity.SkippedEarning;
import ppvchat.payouts.entity.StatementTotals;
import ppvchat.platform.entity.NotFound;
import ppvchat.reports.control.Cells;
import ppvchat.tenancy.entity.Webmaster;

/**
 * What the payout job does, one chunk of performers at a time, inside the chunk's transaction. For each
 * performer it opens a statement, marks with it every earning the run pays (unpaid, dated before the
 * period's end, and consistent), then lets the database add up exactly the rows it marked. A chunk commits
 * its statements, its marks and the run's progress together, so whatever a crash interrupts is redone
 * whole, and a resumed run starts after the last committed chunk.
 */
@Stateless
public class PayoutWork {

    /** An earning of a show must match the show: ended, of this performer, for what the show charged. */
    static final String CONSISTENT = "(t.action = 'tips' OR EXISTS (SELECT 1 FROM private_show s"
            + " WHERE s.webmasterid = t.webmasterid AND s.id = t.show_id AND s.status = 'ENDED'"
            + " AND s.performer_id = t.performerid AND s.credits_charged = t.credits))";

    private static final String MARK = "UPDATE ppv_tips t SET statement_id = ?1"
            + " WHERE t.webmasterid = ?2 AND t.performerid = ?3 AND t.statement_id IS NULL AND t.date < ?4 AND "
            + CONSISTENT;

    private static final String TOTALS = "SELECT"
            + " SUM(CASE WHEN t.action = 'tips' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN t.action = 'tips' THEN t.credits ELSE 0 END),"
            + " SUM(CASE WHEN t.action = 'liveshow' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN t.action = 'liveshow' THEN COALESCE(s.billed_seconds, 0) ELSE 0 END),"
            + " SUM(CASE WHEN t.action = 'liveshow' THEN t.credits ELSE 0 END),"
            + " SUM(t.price), SUM(t.performerBenefit)"
            + " FROM ppv_tips t LEFT JOIN private_show s ON s.webmasterid = t.webmasterid AND s.id = t.show_id"
            + " WHERE t.webmasterid = ?1 AND t.statement_id = ?2";

    /** What is left unpaid before the end after marking: the earnings that contradict their show. */
    private static final String LEFT_UNPAID = "SELECT t.id, t.credits, s.id, s.status, s.performer_id,"
            + " s.credits_charged FROM ppv_tips t"
            + " LEFT JOIN private_show s ON s.webmasterid = t.webmasterid AND s.id = t.show_id"
            + " WHERE t.webmasterid = ?1 AND t.statement_id IS NULL AND t.performerid = ?2 AND t.date < ?3"
            + " AND t.action = 'liveshow'"
            + " ORDER BY t.id";

    /** What one chunk did. */
    public record ChunkResult(int performers, int statements, long earnings, int skipped) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MeteringNode node;

    /** A job execution takes the run on this node: RUNNING, one more attempt. */
    public void begin(long runId) {
        run(runId).begin(node.name(), clock.instant());
    }

    /**
     * The performers this run has still to look at, in order: those with unpaid earnings dated before the
     * period's end, less those the run already made a statement for (a resumed run). Counts them for the
     * progress the console shows.
     */
    public List<Long> performersLeft(long runId) {
        PayoutRun run = run(runId);
        Set<Long> done = new HashSet<>(
                em.createQuery("SELECT s.performerId FROM PayoutStatement s WHERE s.runId = :run", Long.class)
                        .setParameter("run", runId)
                        .getResultList());
        List<Long> left = em.createNativeQuery("SELECT DISTINCT t.performerid FROM ppv_tips t"
                        + " WHERE t.webmasterid = ?1 AND t.statement_id IS NULL AND t.date < ?2"
                        + " ORDER BY t.performerid")
                .setParameter(1, run.webmasterId())
                .setParameter(2, utc(run.endsAt()))
                .getResultStream()
                .map(Cells::count)
                .filter(id -> !done.contains(id))
                .toList();
        run.expect(run.performersDone() + left.size());
        return left;
    }

    /** Pays a chunk of performers in the caller's (the chunk's) transaction. */
    public ChunkResult pay(long runId, List<Long> performerIds) {
        PayoutRun run = run(runId);
        Webmaster site = em.find(Webmaster.class, run.webmasterId());
        LocalDateTime end = utc(run.endsAt());
        int statements = 0;
        long earnings = 0;
        int skipped = 0;
        for (long performerId : performerIds) {
            PayoutStatement statement = PayoutStatement.opened(run, performerId, site.currency(), clock.instant());
            em.persist(statement);
            em.flush();
            int marked = em.createNativeQuery(MARK)
                    .setParameter(1, statement.id())
                    .setParameter(2, run.webmasterId())
                    .setParameter(3, performerId)
                    .setParameter(4, end)
                    .executeUpdate();
            if (marked == 0) {
                em.remove(statement);
            } else {
                statement.count(totalsOf(run.webmasterId(), statement.id()));
                statements++;
                earnings += marked;
            }
            skipped += reportInconsistent(run, performerId, end);
        }
        em.flush();
        run.progress(performerIds.size(), statements, earnings, skipped, clock.instant());
        return new ChunkResult(performerIds.size(), statements, earnings, skipped);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void complete(long runId) {
        PayoutRun run = run(runId);
        if (run.status() != RunStatus.COMPLETED) {
            run.complete(clock.instant());
        }
    }

    /** Records why an execution stopped; a completed run stays completed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(long runId, String reason) {
        PayoutRun run = em.find(PayoutRun.class, runId);
        if (run != null && run.status() != RunStatus.COMPLETED) {
            run.fail(reason, clock.instant());
        }
    }

    private StatementTotals totalsOf(long webmasterId, long statementId) {
        Object[] row = (Object[]) em.createNativeQuery(TOTALS)
                .setParameter(1, webmasterId)
                .setParameter(2, statementId)
                .getSingleResult();
        return new StatementTotals(
                Math.toIntExact(Cells.count(row[0])),
                Cells.count(row[1]),
                Math.toIntExact(Cells.count(row[2])),
                Cells.count(row[3]),
                Cells.count(row[4]),
                Cells.money(row[5]),
                Cells.money(row[6]));
    }

    /** Records each earning left unpaid with the reason it cannot be paid; returns how many. */
    private int reportInconsistent(PayoutRun run, long performerId, LocalDateTime end) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(LEFT_UNPAID)
                .setParameter(1, run.webmasterId())
                .setParameter(2, performerId)
                .setParameter(3, end)
                .getResultList();
        for (Object[] row : rows) {
            em.persist(new SkippedEarning(run, Cells.count(row[0]), performerId, reasonOf(row)));
        }
        return rows.size();
    }

    /** Why a show's earning cannot be paid, from (earning id, credits, show id, status, performer, charged). */
    static String reasonOf(Object[] row) {
        if (row[2] == null) {
            return "the show it names does not exist";
        }
        if (!"ENDED".equals(row[3])) {
            return "its show has not ended (" + row[3] + ")";
        }
        long credits = Cells.count(row[1]);
        long charged = Cells.count(row[5]);
        if (credits != charged) {
            return "it says " + credits + " credits; its show charged " + charged;
        }
        return "its show belongs to another performer (#" + Cells.count(row[4]) + ")";
    }

    private PayoutRun run(long runId) {
        PayoutRun run = em.find(PayoutRun.class, runId);
        if (run == null) {
            throw new NotFound("payout run " + runId);
        }
        return run;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
