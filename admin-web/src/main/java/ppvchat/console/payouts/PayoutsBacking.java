package ppvchat.console.payouts;

import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.StreamedContent;
import ppvchat.console.ConsoleDownloads;
import ppvchat.console.ConsoleMessages;
import ppvchat.console.CurrentAccount;
import ppvchat.console.Paged;
import ppvchat.payouts.boundary.PayoutRuns;
import ppvchat.payouts.boundary.PayoutStatements;
import ppvchat.platform.entity.DomainException;
import ppvchat.reports.boundary.Reports;

/**
 * The Payouts page: start a payout run for a period (a platform admin for every site at once), the runs with
 * their live progress, one run's statements to approve, mark paid and download as CSV, what the run left
 * unpaid and why, one statement's earnings line by line, and the site's payout calendar. The address carries
 * the run ({@code run}) and the statement ({@code statement}); everything is read and changed through the
 * payout boundaries for the site the page was opened for.
 */
@Named
@ViewScoped
public class PayoutsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PayoutsBacking.class.getName());
    /** The flash entry that asks the next page to watch a run that was just started, even before its job begins. */
    private static final String WATCH = "payouts.watch";
    /** How long a page watches a failed run just resumed for its job to take it. */
    private static final Duration WATCH_A_START = Duration.ofSeconds(20);

    @Inject
    CurrentAccount account;

    @Inject
    transient PayoutRuns runs;

    @Inject
    transient PayoutStatements statements;

    private long siteId;
    private ZoneId zone;
    private Long run;
    private Long statement;
    private final ChosenRun chosen = new ChosenRun();
    private PayoutStatements.Statement detail;
    private final StartForm period = new StartForm();
    private final Map<Long, String> references = new HashMap<>();
    private final CalendarForm calendar = new CalendarForm();
    private boolean activeOnPage;
    private Instant watchUntil = Instant.MIN;

    private final LazyDataModel<PayoutRuns.Run> runList = new Paged<>(
            () -> runs.count(siteId),
            (from, size) -> {
                List<PayoutRuns.Run> page = runs.of(siteId, from, size);
                activeOnPage = page.stream().anyMatch(PayoutRuns.Run::active);
                return page;
            },
            PayoutRuns.Run::id);

    private final LazyDataModel<PayoutStatements.Statement> runStatements = new Paged<>(
            () -> chosen.id() == null ? 0 : statements.countOfRun(siteId, chosen.id()),
            (from, size) -> chosen.id() == null ? List.of() : statements.ofRun(siteId, chosen.id(), from, size),
            PayoutStatements.Statement::id);

    private final LazyDataModel<PayoutStatements.Line> lines = new Paged<>(
            () -> detail == null ? 0 : statements.lineCount(siteId, detail.id()),
            (from, size) -> detail == null ? List.of() : statements.lines(siteId, detail.id(), from, size),
            PayoutStatements.Line::earningId);

    private final LazyDataModel<PayoutStatements.Statement> allStatements = new Paged<>(
            () -> statements.count(siteId),
            (from, size) -> statements.of(siteId, from, size),
            PayoutStatements.Statement::id);

    /**
     * Reads the page for the site the console works on: the calendar, last week as the period to run, the
     * statement and the run named in the address (the newest run when none is), each only of this site.
     */
    public void open() {
        try {
            siteId = account.webmasterId();
        } catch (DomainException noSite) {
            ConsoleMessages.refused(noSite); // a new platform without sites: nothing to pay yet
            return;
        }
        PayoutRuns.Calendar now = runs.calendar(siteId);
        zone = ZoneId.of(now.timeZone());
        calendar.show(now);
        period.offer(runs.lastWeek(siteId));
        if (FacesContext.getCurrentInstance().getExternalContext().getFlash().get(WATCH) != null) {
            watchUntil = Instant.now().plus(WATCH_A_START);
        }
        detail = null;
        if (statement != null) {
            try {
                detail = statements.find(siteId, statement);
                if (run == null) {
                    run = detail.runId();
                }
            } catch (DomainException notHere) {
                statement = null;
                ConsoleMessages.error("No such payout statement on this site.");
            }
        }
        if (run == null) {
            run = runs.of(siteId, 0, 1).stream()
                    .findFirst()
                    .map(PayoutRuns.Run::id)
                    .orElse(null);
        }
        showRun();
    }

    /** The poll's tick: the chosen run's progress; the runs table reads itself again. */
    public void refresh() {
        showRun();
    }

    private void showRun() {
        chosen.clear();
        if (run == null) {
            return;
        }
        try {
            chosen.read(runs, statements, siteId, run);
        } catch (DomainException notHere) {
            run = null;
            ConsoleMessages.error("No such payout run on this site.");
        }
    }

    /** Starts the run for the chosen days, or shows the one there is for them; then shows it. */
    public String start() {
        return launch(() -> period.start(runs, account.stillOn(siteId), account.getUsername()), false);
    }

    /** Starts a failed run again: it goes on from the performers it had paid. */
    public String resume(long runId) {
        return launch(
                () -> {
                    PayoutRuns.Run failed = runs.find(siteId, runId);
                    return runs.start(
                            account.stillOn(siteId), failed.firstDay(), failed.lastDay(), account.getUsername());
                },
                true);
    }

    private String launch(Supplier<PayoutRuns.Run> start, boolean resuming) {
        try {
            PayoutRuns.Run started = start.get();
            LOG.info(() -> "console account " + account.getUsername() + " started payout run " + started.id()
                    + " of site " + siteId + " for " + started.period());
            ConsoleMessages.info(StartForm.started(started, resuming));
            var external = FacesContext.getCurrentInstance().getExternalContext();
            external.getFlash().setKeepMessages(true);
            external.getFlash().put(WATCH, started.id());
            return "payouts?faces-redirect=true&run=" + started.id();
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
            return null;
        }
    }

    /** A platform admin starts the period's run on every running site; each site's outcome is listed. */
    public void startForAllSites() {
        if (!account.isPlatformAdmin()) {
            ConsoleMessages.error("Only platform admins start runs for every site.");
            return;
        }
        try {
            String said = period.startEverywhere(runs, account.getUsername());
            LOG.info(() -> "console account " + account.getUsername() + " started payout runs for all sites: " + said);
            ConsoleMessages.info(said);
            period.runOf(siteId).ifPresent(id -> run = id);
            watchUntil = Instant.now().plus(WATCH_A_START);
            showRun();
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
        }
    }

    /** An accountant approves an open statement for payment. */
    public void approve(long statementId) {
        change(
                () -> statements.approve(account.stillOn(siteId), statementId, account.getUsername()),
                s -> "Statement of " + s.performer() + " approved by " + s.approvedBy() + ".");
    }

    /** An accountant records that an approved statement was paid, with the transfer's reference if given. */
    public void markPaid(long statementId) {
        String reference = references.get(statementId);
        change(
                () -> statements.markPaid(account.stillOn(siteId), statementId, account.getUsername(), reference),
                s -> "Statement of " + s.performer() + " marked paid by " + s.paidBy()
                        + (s.paidReference() == null ? "" : ", reference " + s.paidReference()) + ".");
        references.remove(statementId);
    }

    private void change(
            Supplier<PayoutStatements.Statement> change, Function<PayoutStatements.Statement, String> done) {
        try {
            PayoutStatements.Statement changed = change.get();
            LOG.info(() -> "console account " + account.getUsername() + " set payout statement " + changed.id()
                    + " of site " + siteId + " " + changed.status());
            ConsoleMessages.info(done.apply(changed));
            if (detail != null && detail.id() == changed.id()) {
                detail = changed;
            }
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
        } catch (EJBException failed) {
            sayChangedMeanwhile(failed);
        }
        showRun();
    }

    /** Two people changing the same statement at once: the second is told, not shown a stack trace. */
    private static void sayChangedMeanwhile(EJBException failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException) {
                ConsoleMessages.error("Someone else changed this statement at the same moment. Nothing was changed by"
                        + " you: look at it again below.");
                return;
            }
        }
        throw failed;
    }

    /** Approves every statement of the chosen run that is still open. */
    public void approveAll() {
        if (chosen.id() == null) {
            return;
        }
        try {
            int approved = statements.approveAll(account.stillOn(siteId), chosen.id(), account.getUsername());
            LOG.info(() -> "console account " + account.getUsername() + " approved " + approved
                    + " statements of payout run " + run);
            ConsoleMessages.info(
                    approved == 0
                            ? "No open statements left to approve in this run."
                            : approved + (approved == 1 ? " statement" : " statements") + " approved by "
                                    + account.getUsername() + ".");
            if (detail != null) {
                detail = statements.find(siteId, detail.id());
            }
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
        } catch (EJBException failed) {
            sayChangedMeanwhile(failed);
        }
        showRun();
    }

    /** Saves the payout calendar. */
    public void schedule() {
        try {
            calendar.save(runs, account.stillOn(siteId));
            LOG.info(() -> "console account " + account.getUsername() + " set the payout calendar of site " + siteId
                    + ": " + calendar.getDescription());
            ConsoleMessages.info("Payout calendar saved: " + calendar.getDescription() + ".");
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
        }
    }

    /** The chosen run's statements as a CSV file, with a totals row. */
    public StreamedContent getCsv() {
        if (chosen.id() == null) {
            return null;
        }
        try {
            Reports.Export export = statements.runCsv(siteId, chosen.id());
            LOG.info(() -> "console account " + account.getUsername() + " exported " + export.fileName());
            return ConsoleDownloads.of(export);
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
            return null;
        }
    }

    /**
     * Whether the page keeps asking: a run on it is queued or running, or the failed run shown was just resumed
     * and its job has not taken it yet.
     */
    public boolean isPolling() {
        return activeOnPage
                || chosen.active()
                || (chosen.failed() && Instant.now().isBefore(watchUntil));
    }

    /** An instant as the page shows it, in the site's time zone. */
    public String at(Instant instant) {
        return PayoutTimes.at(instant, zone);
    }

    public String getTimeZone() {
        return zone == null ? "" : zone.getId();
    }

    public boolean isPlatformAdmin() {
        return account.isPlatformAdmin();
    }

    public LazyDataModel<PayoutRuns.Run> getRuns() {
        return runList;
    }

    public LazyDataModel<PayoutStatements.Statement> getStatements() {
        return runStatements;
    }

    public LazyDataModel<PayoutStatements.Line> getLines() {
        return lines;
    }

    public LazyDataModel<PayoutStatements.Statement> getAllStatements() {
        return allStatements;
    }

    public ChosenRun getChosen() {
        return chosen;
    }

    public PayoutStatements.Statement getDetail() {
        return detail;
    }

    public StartForm getPeriod() {
        return period;
    }

    public Map<Long, String> getReferences() {
        return references;
    }

    public CalendarForm getCalendar() {
        return calendar;
    }

    public Long getRun() {
        return run;
    }

    public void setRun(Long run) {
        this.run = run;
    }

    public Long getStatement() {
        return statement;
    }

    public void setStatement(Long statement) {
        this.statement = statement;
    }
}
