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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import ppvchat.payouts.entity.PayoutPeriod;
import ppvchat.payouts.entity.PayoutRun;
import ppvchat.payouts.entity.RunStatus;
import ppvchat.platform.entity.DomainException;
import ppvchat.tenancy.boundary.Webmasters;
import ppvchat.tenancy.entity.Webmaster;

/**
 * The payout runs as the database keeps them: opening one for a period under the rules that make every
 * earning paid once and periods follow each other, and finding the runs due by a site's calendar.
 */
@Stateless
public class PayoutRunBook {

    private static final Logger LOG = Logger.getLogger(PayoutRunBook.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Webmasters webmasters;

    @Inject
    Clock clock;

    /**
     * The run of this site for this period: the one there is, or a new queued one. A period must have ended in
     * the site's time zone, must not overlap another run's period, must not come before a period already run
     * (that run paid everything dated before its end), and waits while another run of the site is active.
     */
    public PayoutRun open(long webmasterId, PayoutPeriod period, String requestedBy) {
        Webmaster site = webmasters.find(webmasterId);
        Optional<PayoutRun> same = find(webmasterId, period);
        if (same.isPresent()) {
            return same.get();
        }
        Instant now = clock.instant();
        if (period.endIn(site.timeZone()).isAfter(now)) {
            throw new DomainException("the period " + period + " has not ended yet in "
                    + site.timeZone().getId() + "; a run pays only days that are over");
        }
        for (PayoutRun other : runsOf(webmasterId)) {
            if (other.period().overlaps(period)) {
                throw new DomainException(
                        "the period " + period + " overlaps the run for " + other.period() + "; choose other days");
            }
            if (!other.period().start().isBefore(period.end())) {
                throw new DomainException("the run for " + other.period() + " came later and already paid everything"
                        + " dated before it; earnings found late are paid by the next period's run");
            }
            if (other.isActive()) {
                throw new DomainException(
                        "the run for " + other.period() + " is still running; start the next one when it has finished");
            }
        }
        PayoutRun run = new PayoutRun(webmasterId, period, site.timeZone(), requestedBy, now);
        em.persist(run);
        em.flush();
        return run;
    }

    public Optional<PayoutRun> find(long webmasterId, PayoutPeriod period) {
        return em.createQuery(
                        "SELECT r FROM PayoutRun r WHERE r.webmasterId = :w AND r.periodStart = :s AND r.periodEnd = :e",
                        PayoutRun.class)
                .setParameter("w", webmasterId)
                .setParameter("s", period.start())
                .setParameter("e", period.end())
                .getResultStream()
                .findFirst();
    }

    /** Runs that should be executing: queued, running, or failed by a crash rather than by a refusal. */
    public List<PayoutRun> active() {
        return em.createQuery("SELECT r FROM PayoutRun r WHERE r.status IN :active ORDER BY r.id", PayoutRun.class)
                .setParameter("active", List.of(RunStatus.QUEUED, RunStatus.RUNNING))
                .getResultList();
    }

    /**
     * Opens the runs the sites' calendars made due by now and that do not exist yet; a period the rules
     * refuse (a later one was run by hand, say) is left alone and logged. Commits before it returns, so that
     * the job executions started next find the runs.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> openDue() {
        List<Long> opened = new ArrayList<>();
        Instant now = clock.instant();
        for (Webmaster site : webmasters.all()) {
            if (site.disabled() || site.payoutCalendar().isOff()) {
                continue;
            }
            Optional<PayoutPeriod> due =
                    site.payoutCalendar().lastDuePeriod(LocalDateTime.ofInstant(now, site.timeZone()));
            if (due.isEmpty() || find(site.id(), due.get()).isPresent()) {
                continue;
            }
            try {
                opened.add(open(site.id(), due.get(), PayoutRun.SCHEDULE).id());
            } catch (DomainException refused) {
                LOG.fine(() -> "site " + site.id() + ": scheduled payout run not opened: " + refused.getMessage());
            }
        }
        return opened;
    }

    private List<PayoutRun> runsOf(long webmasterId) {
        return em.createQuery("SELECT r FROM PayoutRun r WHERE r.webmasterId = :w", PayoutRun.class)
                .setParameter("w", webmasterId)
                .getResultList();
    }
}
