package ppvchat.payouts.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ppvchat.payouts.control.StatementCsv;
import ppvchat.payouts.entity.PayoutRun;
import ppvchat.payouts.entity.PayoutStatement;
import ppvchat.payouts.entity.StatementStatus;
import ppvchat.performers.entity.Performer;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.reports.boundary.Reports;
import ppvchat.reports.control.Cells;

/**
 * A site's payout statements for the console: listed per site or per run, each with the earnings it pays
 * (its tips and shows, line by line), approved and marked paid by an accountant (both recorded with the
 * console account and the time), and exported as CSV for a whole run.
 */
@Stateless
public class PayoutStatements {

    /** One performer's statement for one period. */
    public record Statement(
            long id,
            Long runId,
            long performerId,
            String performer,
            LocalDate periodStart,
            LocalDate periodEnd,
            int tips,
            long tipCredits,
            int shows,
            long showSeconds,
            long showCredits,
            BigDecimal gross,
            BigDecimal performerBenefit,
            String currency,
            String status,
            Instant createdAt,
            String approvedBy,
            Instant approvedAt,
            String paidBy,
            Instant paidAt,
            String paidReference) {

        public long credits() {
            return tipCredits + showCredits;
        }

        public BigDecimal siteShare() {
            return gross.subtract(performerBenefit);
        }

        public LocalDate lastDay() {
            return periodEnd.minusDays(1);
        }

        public boolean open() {
            return StatementStatus.OPEN.name().equals(status);
        }

        public boolean approved() {
            return StatementStatus.APPROVED.name().equals(status);
        }
    }

    /** One earning a statement pays: a tip or a finished show. Late: dated before the statement's period. */
    public record Line(
            long earningId,
            Instant date,
            String kind,
            String user,
            long credits,
            Long showSeconds,
            BigDecimal price,
            BigDecimal performerBenefit,
            boolean late) {}

    public static final int MAX_PAGE = 500;

    private static final String LINES = "SELECT t.id, t.date, t.action, u.username, t.credits, s.billed_seconds,"
            + " t.price, t.performerBenefit FROM ppv_tips t"
            + " JOIN chat_user u ON u.webmasterid = t.webmasterid AND u.id = t.userid"
            + " LEFT JOIN private_show s ON s.webmasterid = t.webmasterid AND s.id = t.show_id"
            + " WHERE t.webmasterid = ?1 AND t.statement_id = ?2 ORDER BY t.date, t.id";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public List<Statement> of(long webmasterId, int first, int max) {
        return views(
                webmasterId,
                em.createQuery(
                                "SELECT s FROM PayoutStatement s WHERE s.webmasterId = :w"
                                        + " ORDER BY s.periodStart DESC, s.id DESC",
                                PayoutStatement.class)
                        .setParameter("w", webmasterId),
                first,
                max);
    }

    public long count(long webmasterId) {
        return em.createQuery("SELECT COUNT(s) FROM PayoutStatement s WHERE s.webmasterId = :w", Long.class)
                .setParameter("w", webmasterId)
                .getSingleResult();
    }

    /** The statements a run made, by performer name. */
    public List<Statement> ofRun(long webmasterId, long runId, int first, int max) {
        requireRun(webmasterId, runId);
        return views(
                webmasterId,
                em.createQuery(
                                "SELECT s FROM PayoutStatement s, Performer p WHERE s.webmasterId = :w"
                                        + " AND s.runId = :run AND p.id = s.performerId"
                                        + " ORDER BY p.displayName, s.id",
                                PayoutStatement.class)
                        .setParameter("w", webmasterId)
                        .setParameter("run", runId),
                first,
                max);
    }

    public long countOfRun(long webmasterId, long runId) {
        requireRun(webmasterId, runId);
        return em.createQuery(
                        "SELECT COUNT(s) FROM PayoutStatement s WHERE s.webmasterId = :w AND s.runId = :run",
                        Long.class)
                .setParameter("w", webmasterId)
                .setParameter("run", runId)
                .getSingleResult();
    }

    public Statement find(long webmasterId, long statementId) {
        PayoutStatement statement = statement(webmasterId, statementId);
        return view(statement, names(webmasterId));
    }

    /** The earnings the statement pays, oldest first, a page at a time. */
    public List<Line> lines(long webmasterId, long statementId, int first, int max) {
        PayoutStatement statement = statement(webmasterId, statementId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(LINES)
                .setParameter(1, webmasterId)
                .setParameter(2, statementId)
                .setFirstResult(first)
                .setMaxResults(Math.min(max, MAX_PAGE))
                .getResultList();
        PayoutRun run = statement.runId() == null ? null : em.find(PayoutRun.class, statement.runId());
        Instant periodStart = statement
                .periodStart()
                .atStartOfDay(run == null ? ZoneOffset.UTC : run.zone())
                .toInstant();
        return rows.stream()
                .map(row -> {
                    Instant date = Cells.instant(row[1]);
                    return new Line(
                            Cells.count(row[0]),
                            date,
                            "liveshow".equals(row[2]) ? "show" : "tip",
                            Cells.text(row[3]),
                            Cells.count(row[4]),
                            Cells.countOrNull(row[5]),
                            Cells.money(row[6]),
                            Cells.money(row[7]),
                            date.isBefore(periodStart));
                })
                .toList();
    }

    public long lineCount(long webmasterId, long statementId) {
        statement(webmasterId, statementId);
        return Cells.count(
                em.createNativeQuery("SELECT COUNT(*) FROM ppv_tips t WHERE t.webmasterid = ?1 AND t.statement_id = ?2")
                        .setParameter(1, webmasterId)
                        .setParameter(2, statementId)
                        .getSingleResult());
    }

    /** An accountant approves an open statement for payment. */
    public Statement approve(long webmasterId, long statementId, String account) {
        PayoutStatement statement = statement(webmasterId, statementId);
        statement.approve(requireAccount(account), clock.instant());
        return view(statement, names(webmasterId));
    }

    /** An accountant records that the approved statement was paid, with the transfer's reference if any. */
    public Statement markPaid(long webmasterId, long statementId, String account, String reference) {
        PayoutStatement statement = statement(webmasterId, statementId);
        statement.markPaid(requireAccount(account), reference, clock.instant());
        return view(statement, names(webmasterId));
    }

    /** Approves every open statement of the run; returns how many. */
    public int approveAll(long webmasterId, long runId, String account) {
        requireRun(webmasterId, runId);
        List<PayoutStatement> open = em.createQuery(
                        "SELECT s FROM PayoutStatement s WHERE s.webmasterId = :w AND s.runId = :run"
                                + " AND s.status = :open",
                        PayoutStatement.class)
                .setParameter("w", webmasterId)
                .setParameter("run", runId)
                .setParameter("open", StatementStatus.OPEN)
                .getResultList();
        Instant now = clock.instant();
        open.forEach(s -> s.approve(requireAccount(account), now));
        return open.size();
    }

    /** Every statement of the run as CSV, with a totals row. */
    public Reports.Export runCsv(long webmasterId, long runId) {
        PayoutRun run = requireRun(webmasterId, runId);
        List<Statement> statements = ofRun(webmasterId, runId, 0, Integer.MAX_VALUE);
        String csv = StatementCsv.write(statements);
        String name = "payouts-" + run.period().start() + "-to-" + run.period().lastDay() + ".csv";
        return new Reports.Export(name, "text/csv; charset=UTF-8", csv.getBytes(StandardCharsets.UTF_8));
    }

    private List<Statement> views(long webmasterId, TypedQuery<PayoutStatement> query, int first, int max) {
        List<PayoutStatement> statements =
                query.setFirstResult(first).setMaxResults(max).getResultList();
        Map<Long, String> names = names(webmasterId);
        return statements.stream().map(s -> view(s, names)).toList();
    }

    private Map<Long, String> names(long webmasterId) {
        return em.createNamedQuery(Performer.OF_WEBMASTER, Performer.class)
                .setParameter("webmasterId", webmasterId)
                .getResultStream()
                .collect(Collectors.toMap(Performer::id, Performer::displayName));
    }

    private static Statement view(PayoutStatement s, Map<Long, String> names) {
        var totals = s.totals();
        return new Statement(
                s.id(),
                s.runId(),
                s.performerId(),
                names.getOrDefault(s.performerId(), "#" + s.performerId()),
                s.periodStart(),
                s.periodEnd(),
                totals.tipsCount(),
                totals.tipsCredits(),
                totals.showsCount(),
                totals.showsSeconds(),
                totals.showsCredits(),
                totals.gross(),
                totals.performerBenefit(),
                s.currency(),
                s.status().name(),
                s.createdAt(),
                s.approvedBy(),
                s.approvedAt(),
                s.paidBy(),
                s.paidAt(),
                s.paidReference());
    }

    private PayoutStatement statement(long webmasterId, long statementId) {
        PayoutStatement statement = em.find(PayoutStatement.class, statementId);
        if (statement == null || statement.webmasterId() != webmasterId) {
            throw new NotFound("payout statement " + statementId);
        }
        return statement;
    }

    private PayoutRun requireRun(long webmasterId, long runId) {
        PayoutRun run = em.find(PayoutRun.class, runId);
        if (run == null || run.webmasterId() != webmasterId) {
            throw new NotFound("payout run " + runId);
        }
        return run;
    }

    private static String requireAccount(String account) {
        if (account == null || account.isBlank()) {
            throw new DomainException("approving and paying name the console account that does it");
        }
        return account;
    }
}
