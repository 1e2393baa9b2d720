package ppvchat.reports.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ppvchat.ledger.boundary.Reconciliation;
import ppvchat.performers.entity.Performer;
import ppvchat.platform.entity.NotFound;
import ppvchat.reports.control.Cells;
import ppvchat.reports.control.Histories;
import ppvchat.reports.control.ReportCsv;
import ppvchat.tenancy.boundary.Webmasters;
import ppvchat.tenancy.entity.Webmaster;

/**
 * The Reports page's figures for one site, each added up in the database (one GROUP BY over the earnings,
 * never an object per tip): tips and private shows per performer and period with the totals and a series
 * per day, the same as CSV, the reconciliation check with its figures, and a user's or a performer's
 * history a page at a time. Every query names the site; another site's user or performer is not found.
 */
@Stateless
public class Reports {

    /** A performer to filter a report by. */
    public record PerformerChoice(long id, String name) {}

    /** A CSV file to hand to the browser. */
    public record Export(String fileName, String contentType, byte[] content) {}

    public static final int MAX_PAGE = 200;

    private static final String EARNINGS = "SELECT t.performerid, p.display_name,"
            + " SUM(CASE WHEN t.action = 'tips' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN t.action = 'tips' THEN t.credits ELSE 0 END),"
            + " SUM(CASE WHEN t.action = 'liveshow' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN t.action = 'liveshow' THEN COALESCE(s.billed_seconds, 0) ELSE 0 END),"
            + " SUM(CASE WHEN t.action = 'liveshow' THEN t.credits ELSE 0 END),"
            + " SUM(t.price), SUM(t.performerBenefit)"
            + " FROM ppv_tips t JOIN performer p ON p.webmasterid = t.webmasterid AND p.id = t.performerid"
            + " LEFT JOIN private_show s ON s.webmasterid = t.webmasterid AND s.id = t.show_id"
            + " WHERE t.webmasterid = ?1";

    @PersistenceContext
    EntityManager em;

    @Inject
    Webmasters webmasters;

    @Inject
    Reconciliation reconciliation;

    @Inject
    Clock clock;

    @Inject
    Histories histories;

    /** The site's calendar for reports: its days are the site's time zone's days. */
    public ZoneId zoneOf(long webmasterId) {
        return webmasters.find(webmasterId).timeZone();
    }

    /** This month so far and to its end, in the site's days: the page's default period. */
    public Period thisMonth(long webmasterId) {
        LocalDate today = LocalDate.now(clock.withZone(zoneOf(webmasterId)));
        return new Period(today.withDayOfMonth(1), today.withDayOfMonth(1).plusMonths(1), zoneOf(webmasterId));
    }

    public List<PerformerChoice> performers(long webmasterId) {
        return em.createQuery(
                        "SELECT p FROM Performer p WHERE p.webmasterId = :w ORDER BY p.displayName, p.id",
                        Performer.class)
                .setParameter("w", webmasterId)
                .getResultStream()
                .map(p -> new PerformerChoice(p.id(), p.displayName()))
                .toList();
    }

    /** Tips and shows in [from, to) of the site's days, per performer (or of one performer when given). */
    public EarningsReport earnings(long webmasterId, LocalDate from, LocalDate to, Long performerId) {
        Webmaster site = webmasters.find(webmasterId);
        Period period = new Period(from, to, zoneOf(webmasterId));
        if (performerId != null) {
            performer(webmasterId, performerId);
        }
        String onePerformer = performerId == null ? "" : " AND t.performerid = ?4";
        Query lines = em.createNativeQuery(EARNINGS + " AND t.date >= ?2 AND t.date < ?3" + onePerformer
                + " GROUP BY t.performerid, p.display_name ORDER BY SUM(t.price) DESC, p.display_name, t.performerid");
        Query days = em.createNativeQuery("SELECT CAST(t.date AS DATE),"
                + " SUM(CASE WHEN t.action = 'tips' THEN t.credits ELSE 0 END),"
                + " SUM(CASE WHEN t.action = 'liveshow' THEN t.credits ELSE 0 END), SUM(t.price)"
                + " FROM ppv_tips t WHERE t.webmasterid = ?1 AND t.date >= ?2 AND t.date < ?3" + onePerformer
                + " GROUP BY CAST(t.date AS DATE)");
        for (Query query : List.of(lines, days)) {
            query.setParameter(1, webmasterId)
                    .setParameter(2, period.startUtc())
                    .setParameter(3, period.endUtc());
            if (performerId != null) {
                query.setParameter(4, performerId);
            }
        }
        Map<LocalDate, EarningsReport.Day> byDay = new HashMap<>();
        for (Object[] row : rows(days)) {
            LocalDate day = Cells.day(row[0]);
            byDay.put(day, new EarningsReport.Day(day, Cells.count(row[1]), Cells.count(row[2]), Cells.money(row[3])));
        }
        BigDecimal zero = Cells.money(null);
        return new EarningsReport(
                site.name(),
                site.currency(),
                period,
                performerId,
                rows(lines).stream().map(Reports::line).toList(),
                period.eachDay()
                        .map(day -> byDay.getOrDefault(day, new EarningsReport.Day(day, 0, 0, zero)))
                        .toList());
    }

    /** The same report as a CSV file named after the site and the period's days. */
    public Export earningsCsv(long webmasterId, LocalDate from, LocalDate to, Long performerId) {
        EarningsReport report = earnings(webmasterId, from, to, performerId);
        String site = report.site().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String name = "earnings-" + (site.isEmpty() ? "site-" + webmasterId : site) + "-"
                + report.period().from() + "-to-" + report.period().lastDay() + ".csv";
        return new Export(
                name, "text/csv; charset=UTF-8", ReportCsv.write(report).getBytes(StandardCharsets.UTF_8));
    }

    /** The reconciliation check of the site's money, with the figures behind it. */
    public Books books(long webmasterId) {
        webmasters.find(webmasterId);
        return new Books(reconciliation.check(webmasterId), clock.instant());
    }

    public UserHistory userHistory(long webmasterId, long userId, int first, int max) {
        return histories.ofUser(webmasters.find(webmasterId), userId, Math.max(0, first), page(max));
    }

    public PerformerHistory performerHistory(long webmasterId, long performerId, int first, int max) {
        Performer performer = performer(webmasterId, performerId);
        Object[] allTime = (Object[])
                em.createNativeQuery(EARNINGS + " AND t.performerid = ?2" + " GROUP BY t.performerid, p.display_name")
                        .setParameter(1, webmasterId)
                        .setParameter(2, performerId)
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        EarningsLine line = allTime == null ? EarningsLine.total(List.of()) : line(allTime);
        return histories.ofPerformer(
                webmasters.find(webmasterId),
                performer,
                new EarningsLine(
                        performerId,
                        performer.displayName(),
                        line.tips(),
                        line.tipCredits(),
                        line.shows(),
                        line.showSeconds(),
                        line.showCredits(),
                        line.gross(),
                        line.performerBenefit()),
                Math.max(0, first),
                page(max));
    }

    private Performer performer(long webmasterId, long performerId) {
        Performer performer = em.find(Performer.class, performerId);
        if (performer == null || performer.webmasterId() != webmasterId) {
            throw new NotFound("no performer " + performerId + " on this site");
        }
        return performer;
    }

    private static int page(int max) {
        return Math.max(1, Math.min(max, MAX_PAGE));
    }

    private static EarningsLine line(Object[] row) {
        return new EarningsLine(
                Cells.count(row[0]),
                Cells.text(row[1]),
                Cells.count(row[2]),
                Cells.count(row[3]),
                Cells.count(row[4]),
                Cells.count(row[5]),
                Cells.count(row[6]),
                Cells.money(row[7]),
                Cells.money(row[8]));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }
}
