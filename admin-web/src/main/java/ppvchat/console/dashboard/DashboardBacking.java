package ppvchat.console.dashboard;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import ppvchat.accounts.boundary.ConsoleAccounts;
import ppvchat.console.CurrentAccount;
import ppvchat.performers.boundary.PerformerWall;
import ppvchat.performers.boundary.WallEntry;
import ppvchat.platform.entity.DomainException;
import ppvchat.reports.boundary.Dashboard;
import ppvchat.tenancy.boundary.Webmasters;
import ppvchat.tenancy.entity.Webmaster;

/** The console's first page: the signed-in webmaster's site at a glance. */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentAccount account;

    @Inject
    transient Webmasters webmasters;

    @Inject
    transient PerformerWall wall;

    @Inject
    transient ConsoleAccounts accounts;

    @Inject
    transient Dashboard dashboard;

    private String siteName;
    private String currency;
    private long userCount;
    private List<WallEntry> performers;
    private Dashboard.Today today;

    @PostConstruct
    void load() {
        long webmasterId;
        try {
            webmasterId = account.webmasterId();
        } catch (DomainException noSiteYet) {
            return; // a new installation's platform admin: the page says to create a site
        }
        Webmaster webmaster = webmasters.any(webmasterId);
        siteName = webmaster.name();
        currency = webmaster.currency();
        userCount = accounts.countUsersOf(webmasterId);
        performers = List.copyOf(wall.of(webmasterId));
        today = dashboard.today(webmasterId);
    }

    public boolean isSiteChosen() {
        return siteName != null;
    }

    public Dashboard.Today getToday() {
        return today;
    }

    public String getSiteName() {
        return siteName;
    }

    public String getCurrency() {
        return currency;
    }

    public long getUserCount() {
        return userCount;
    }

    public List<WallEntry> getPerformers() {
        return performers;
    }
}
