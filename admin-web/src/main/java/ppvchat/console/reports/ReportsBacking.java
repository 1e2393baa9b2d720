package ppvchat.console.reports;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;
import ppvchat.accounts.boundary.ChatUsers;
import ppvchat.console.ConsoleDownloads;
import ppvchat.console.ConsoleMessages;
import ppvchat.console.CurrentAccount;
import ppvchat.external.boundary.ExternalBooks;
import ppvchat.platform.entity.DomainException;
import ppvchat.reports.boundary.Books;
import ppvchat.reports.boundary.EarningsReport;
import ppvchat.reports.boundary.PerformerHistory;
import ppvchat.reports.boundary.Period;
import ppvchat.reports.boundary.Reports;
import ppvchat.reports.boundary.UserHistory;

/**
 * The Reports page: tips and private shows per performer for a period (this month unless changed), with
 * the totals, a chart per day and the same figures as CSV; whether the books balance and the figures
 * behind it; a user's history and a performer's history, a page at a time. Every figure is the signed-in
 * account's site's; an id from the request only ever names something of that site.
 */
@Named
@ViewScoped
public class ReportsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ReportsBacking.class.getName());

    @Inject
    CurrentAccount account;

    @Inject
    transient Reports reports;

    @Inject
    transient ChatUsers users;

    @Inject
    transient ExternalBooks externalBooks;

    private LocalDate first;
    private LocalDate last;
    private Long performerId;
    private List<Reports.PerformerChoice> performers;
    private EarningsReport report;
    private String chart;
    private Books books;
    private SiteServerSection siteServer;

    private String userQuery;
    private List<ChatUsers.Found> userMatches = List.of();
    private Long userId;
    private UserHistory user;
    private Long historyPerformerId;
    private PerformerHistory performer;

    private final LazyDataModel<UserHistory.Entry> userEntries = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return user == null ? 0 : (int) Math.min(Integer.MAX_VALUE, user.entryCount());
        }

        @Override
        public List<UserHistory.Entry> load(
                int from, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            if (userId == null) {
                return List.of();
            }
            user = reports.userHistory(account.webmasterId(), userId, from, pageSize);
            return user.entries();
        }

        @Override
        public String getRowKey(UserHistory.Entry row) {
            return String.valueOf(row.id());
        }
    };

    private final LazyDataModel<PerformerHistory.Entry> performerEntries = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return performer == null ? 0 : (int) Math.min(Integer.MAX_VALUE, performer.entryCount());
        }

        @Override
        public List<PerformerHistory.Entry> load(
                int from, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            if (historyPerformerId == null) {
                return List.of();
            }
            performer = reports.performerHistory(account.webmasterId(), historyPerformerId, from, pageSize);
            return performer.entries();
        }

        @Override
        public String getRowKey(PerformerHistory.Entry row) {
            return String.valueOf(row.id());
        }
    };

    @PostConstruct
    void load() {
        long webmasterId = account.webmasterId();
        Period month = reports.thisMonth(webmasterId);
        first = month.from();
        last = month.lastDay();
        performers = List.copyOf(reports.performers(webmasterId));
        books = reports.books(webmasterId);
        if (externalBooks.keepsCreditsThere(webmasterId)) {
            siteServer = new SiteServerSection(externalBooks.today(webmasterId));
            siteServer.countCalls(externalBooks, webmasterId);
        }
        show();
    }

    /** Compares the chat's books with the site's server's for the chosen days (external mode only). */
    public void compareWithSiteServer() {
        if (siteServer != null) {
            siteServer.compare(externalBooks, account.webmasterId());
        }
    }

    /** The section about the site's server, or null when the site keeps its credits here (embed mode). */
    public SiteServerSection getSiteServer() {
        return siteServer;
    }

    /** Adds up the chosen period (and performer); a period that makes no sense is refused with the reason. */
    public void show() {
        try {
            Period period = Period.through(first, last, null);
            report = reports.earnings(account.webmasterId(), period.from(), period.to(), performerId);
            chart = EarningsChart.of(report);
        } catch (DomainException refused) {
            report = null;
            chart = null;
            ConsoleMessages.refused(refused);
        }
    }

    /** The shown figures as a CSV file, for the same period and performer. */
    public StreamedContent getCsv() {
        try {
            Period period = Period.through(first, last, null);
            Reports.Export export = reports.earningsCsv(account.webmasterId(), period.from(), period.to(), performerId);
            LOG.info(() -> "console account " + account.getUsername() + " exported " + export.fileName());
            return ConsoleDownloads.of(export);
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
            return null;
        }
    }

    public void checkBooks() {
        books = reports.books(account.webmasterId());
        ConsoleMessages.info(books.clean() ? "The books balance." : "The books do NOT balance: see below.");
    }

    public void findUsers() {
        userMatches = List.copyOf(users.search(account.webmasterId(), userQuery, 0, 20));
        if (userMatches.size() == 1) {
            showUser(userMatches.get(0).id());
        } else if (userMatches.isEmpty()) {
            ConsoleMessages.error("No user matches \"" + (userQuery == null ? "" : userQuery.strip()) + "\".");
        }
    }

    public void showUser(long id) {
        try {
            user = reports.userHistory(account.webmasterId(), id, 0, 1);
            userId = id;
        } catch (DomainException notHere) {
            user = null;
            userId = null;
            ConsoleMessages.error("No such user on this site.");
        }
    }

    public void showPerformer() {
        performer = null;
        if (historyPerformerId == null) {
            return;
        }
        try {
            performer = reports.performerHistory(account.webmasterId(), historyPerformerId, 0, 1);
        } catch (DomainException notHere) {
            historyPerformerId = null;
            ConsoleMessages.error("No such performer on this site.");
        }
    }

    public EarningsReport getReport() {
        return report;
    }

    public String getChart() {
        return chart;
    }

    public Books getBooks() {
        return books;
    }

    public List<Reports.PerformerChoice> getPerformers() {
        return performers;
    }

    public LocalDate getFirst() {
        return first;
    }

    public void setFirst(LocalDate first) {
        this.first = first;
    }

    public LocalDate getLast() {
        return last;
    }

    public void setLast(LocalDate last) {
        this.last = last;
    }

    public Long getPerformerId() {
        return performerId;
    }

    public void setPerformerId(Long performerId) {
        this.performerId = performerId;
    }

    public String getUserQuery() {
        return userQuery;
    }

    public void setUserQuery(String userQuery) {
        this.userQuery = userQuery;
    }

    public List<ChatUsers.Found> getUserMatches() {
        return userMatches;
    }

    public UserHistory getUser() {
        return user;
    }

    public LazyDataModel<UserHistory.Entry> getUserEntries() {
        return userEntries;
    }

    public Long getHistoryPerformerId() {
        return historyPerformerId;
    }

    public void setHistoryPerformerId(Long historyPerformerId) {
        this.historyPerformerId = historyPerformerId;
    }

    public PerformerHistory getPerformer() {
        return performer;
    }

    public LazyDataModel<PerformerHistory.Entry> getPerformerEntries() {
        return performerEntries;
    }
}
