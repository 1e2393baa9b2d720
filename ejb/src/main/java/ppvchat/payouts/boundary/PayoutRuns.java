package ppvchat.payouts.boundary;

import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import ppvchat.payouts.control.PayoutRunBook;
import ppvchat.payouts.control.PayoutScheduler;
import ppvchat.payouts.entity.PayoutPeriod;
import ppvchat.payouts.entity.PayoutRun;
import ppvchat.payouts.entity.RunStatus;
import ppvchat.payouts.entity.SkippedEarning;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.tenancy.boundary.Webmasters;
import ppvchat.tenancy.entity.PayoutCalendar;
import ppvchat.tenancy.entity.Webmaster;

/**
 * Payout runs for the console: start one for a period (or for every site), follow its progress, read the
 * history and what a run left unpaid, and set the site's payout calendar. Every query names the site.
 */
@Stateless
public class PayoutRuns {

    /** A run as the console shows it. */
    public record Run(
            long id,
            LocalDate firstDay,
            LocalDate lastDay,
            String timeZone,
            String status,
            String requestedBy,
            Instant requestedAt,
            Instant startedAt,
            Instant finishedAt,
            int attempts,
            int performersTotal,
            int performersDone,
            int statementsMade,
            long earningsPaid,
            int earningsSkipped,
            String failure) {

        public boolean active() {
            return RunStatus.QUEUED.name().equals(status)
                    || RunStatus.RUNNING.name().equals(status);
        }

        public boolean failed() {
            return RunStatus.FAILED.name().equals(status);
        }

        /** Performers done of total, 0..100; a run with no performers to pay is 100% once complete. */
        public int percent() {
            if (performersTotal == 0) {
                return RunStatus.COMPLETED.name().equals(status) ? 100 : 0;
            }
            return (int) (100L * performersDone / performersTotal);
        }

        public String period() {
            return firstDay + " to " + lastDay;
        }
    }

    /** An earning a run left unpaid, and why. */
    public record Skipped(long earningId, String performer, String reason) {}

    /** What starting a run for every site did for one site. */
    public record SiteOutcome(long webmasterId, String site, Run run, String refusal) {}

    /** A site's payout calendar and time zone as the form shows them. */
    public record Calendar(String frequency, int day, String time, String timeZone, String description) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    PayoutRunBook book;

    @Inject
    PayoutScheduler scheduler;

    @Inject
    Webmasters webmasters;

    @Inject
    Clock clock;

    /**
     * Starts (or resumes) the run for the days {@code first} through {@code last}. The same period again
     * gives the run there is: a completed run changes nothing, a failed one resumes where it stopped.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Run start(long webmasterId, LocalDate first, LocalDate last, String requestedBy) {
        PayoutPeriod period = PayoutPeriod.through(first, last);
        PayoutRun run = openOrFind(webmasterId, period, requestedBy);
        if (run.status() != RunStatus.COMPLETED) {
            scheduler.launch(run.id());
        }
        return find(webmasterId, run.id());
    }

    /** Starts the period's run for every running site; a site that refuses says why and stops no other. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<SiteOutcome> startForAllSites(LocalDate first, LocalDate last, String requestedBy) {
        List<SiteOutcome> outcomes = new ArrayList<>();
        for (Webmaster site : webmasters.all()) {
            if (site.disabled()) {
                continue;
            }
            try {
                outcomes.add(new SiteOutcome(site.id(), site.name(), start(site.id(), first, last, requestedBy), null));
            } catch (DomainException refused) {
                outcomes.add(new SiteOutcome(site.id(), site.name(), null, refused.getMessage()));
            }
        }
        return outcomes;
    }

    public Run find(long webmasterId, long runId) {
        return view(run(webmasterId, runId));
    }

    /** The site's runs, newest period first. */
    public List<Run> of(long webmasterId, int first, int max) {
        return em.createQuery(
                        "SELECT r FROM PayoutRun r WHERE r.webmasterId = :w ORDER BY r.periodStart DESC, r.id DESC",
                        PayoutRun.class)
                .setParameter("w", webmasterId)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultStream()
                .map(PayoutRuns::view)
                .toList();
    }

    public long count(long webmasterId) {
        return em.createQuery("SELECT COUNT(r) FROM PayoutRun r WHERE r.webmasterId = :w", Long.class)
                .setParameter("w", webmasterId)
                .getSingleResult();
    }

    /** The earnings the run met and could not pay, with the reason. */
    public List<Skipped> skipped(long webmasterId, long runId) {
        run(webmasterId, runId);
        List<Object[]> rows = em.createQuery(
                        "SELECT k, p.displayName FROM SkippedEarning k, Performer p"
                                + " WHERE k.runId = :run AND k.webmasterId = :w AND p.id = k.performerId"
                                + " ORDER BY k.earningId",
                        Object[].class)
                .setParameter("run", runId)
                .setParameter("w", webmasterId)
                .getResultList();
        return rows.stream()
                .map(row -> {
                    SkippedEarning skipped = (SkippedEarning) row[0];
                    return new Skipped(skipped.earningId(), (String) row[1], skipped.reason());
                })
                .toList();
    }

    /** The last full week, Monday to Sunday, before today in the site's time zone: the form's default. */
    public PayoutPeriod lastWeek(long webmasterId) {
        LocalDate today =
                LocalDate.now(clock.withZone(webmasters.find(webmasterId).timeZone()));
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new PayoutPeriod(monday.minusWeeks(1), monday);
    }

    public Calendar calendar(long webmasterId) {
        Webmaster site = webmasters.find(webmasterId);
        PayoutCalendar calendar = site.payoutCalendar();
        return new Calendar(
                calendar.frequency().name(),
                calendar.day(),
                calendar.time().toString(),
                site.timeZone().getId(),
                calendar.describe() + " (" + site.timeZone().getId() + ")");
    }

    /** Replaces the site's payout calendar, e.g. WEEKLY, 1 (Monday), 02:00. */
    public Calendar schedule(long webmasterId, String frequency, int day, String time) {
        Webmaster site = webmasters.find(webmasterId);
        site.payOutOn(PayoutCalendar.of(frequency, day, time));
        return calendar(webmasterId);
    }

    private PayoutRun openOrFind(long webmasterId, PayoutPeriod period, String requestedBy) {
        try {
            return book.open(webmasterId, period, requestedBy);
        } catch (EJBException | PersistenceException raced) {
            // Two requests for the same period at once: the unique period keeps one run; use it.
            return book.find(webmasterId, period).orElseThrow(() -> raced);
        }
    }

    private PayoutRun run(long webmasterId, long runId) {
        PayoutRun run = em.find(PayoutRun.class, runId);
        if (run == null || run.webmasterId() != webmasterId) {
            throw new NotFound("payout run " + runId);
        }
        return run;
    }

    private static Run view(PayoutRun run) {
        return new Run(
                run.id(),
                run.period().start(),
                run.period().lastDay(),
                run.zone().getId(),
                run.status().name(),
                run.requestedBy(),
                run.requestedAt(),
                run.startedAt(),
                run.finishedAt(),
                run.attempts(),
                run.performersTotal(),
                run.performersDone(),
                run.statementsMade(),
                run.earningsPaid(),
                run.earningsSkipped(),
                run.failure());
    }
}
