package ppvchat.console.payouts;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import ppvchat.console.CurrentAccount;
import ppvchat.payouts.boundary.PayoutRuns;
import ppvchat.payouts.boundary.PayoutStatements;
import ppvchat.platform.entity.DomainException;

/**
 * The printable statement ({@code payouts-statement.xhtml?id=N}): one performer's statement with the site,
 * the period, who approved and paid it, its totals and every tip and show it pays, on a page without the
 * console around it. A statement of another site is not found, and the page says so with a 404.
 */
@Named
@RequestScoped
public class StatementPrintBacking {

    @Inject
    CurrentAccount account;

    @Inject
    PayoutStatements statements;

    @Inject
    PayoutRuns runs;

    private Long id;
    private PayoutStatements.Statement statement;
    private PayoutRuns.Run run;
    private List<PayoutStatements.Line> lines = List.of();
    private ZoneId zone = ZoneId.of("UTC");
    private boolean notFound;

    /** Reads the statement named in the address with all its lines, if it is one of this site's. */
    public void open() {
        if (id == null) {
            return;
        }
        try {
            long site = account.webmasterId();
            statement = statements.find(site, id);
            run = statement.runId() == null ? null : runs.find(site, statement.runId());
            zone = ZoneId.of(run != null ? run.timeZone() : runs.calendar(site).timeZone());
            lines = allLines(site, statement.id());
        } catch (DomainException notHere) {
            statement = null;
            run = null;
            notFound = true;
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
        }
    }

    private List<PayoutStatements.Line> allLines(long site, long statementId) {
        List<PayoutStatements.Line> all = new ArrayList<>();
        List<PayoutStatements.Line> page;
        do {
            page = statements.lines(site, statementId, all.size(), PayoutStatements.MAX_PAGE);
            all.addAll(page);
        } while (page.size() == PayoutStatements.MAX_PAGE);
        return all;
    }

    /** An instant as the statement shows it, in the time zone of its period. */
    public String at(Instant instant) {
        return PayoutTimes.at(instant, zone);
    }

    /** The window's title, which is also the file name a browser suggests when printing to PDF. */
    public String getTitle() {
        return statement == null
                ? "Payout statement"
                : "Payout statement " + statement.id() + " " + statement.performer() + " " + statement.periodStart()
                        + " to " + statement.lastDay();
    }

    public String getPrintedAt() {
        return at(Instant.now());
    }

    public boolean isAnyLate() {
        return lines.stream().anyMatch(PayoutStatements.Line::late);
    }

    public String getSiteName() {
        return account.getSiteName();
    }

    public String getPrintedBy() {
        return account.getUsername();
    }

    public String getTimeZone() {
        return zone.getId();
    }

    public PayoutStatements.Statement getStatement() {
        return statement;
    }

    public PayoutRuns.Run getRun() {
        return run;
    }

    public List<PayoutStatements.Line> getLines() {
        return lines;
    }

    public boolean isNotFound() {
        return notFound;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
