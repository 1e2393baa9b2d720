package ppvchat.console.platform;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import ppvchat.console.ConsoleMessages;
import ppvchat.console.CurrentAccount;
import ppvchat.platform.entity.DomainException;
import ppvchat.tenancy.boundary.Platform;

/**
 * The Webmasters page: every site with its figures, the site the console works on, a form for a new site
 * with its first admin, and taking a site offline or back (with confirmation).
 */
@Named
@ViewScoped
public class WebmastersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentAccount account;

    @Inject
    transient Platform platform;

    private List<Platform.Site> sites;
    private String name;
    private String currency = "USD";
    private BigDecimal creditValue = new BigDecimal("0.01");
    private String language = "en";
    private String adminUsername;
    private String adminPassword;

    @PostConstruct
    void load() {
        sites = platform.sites();
    }

    public void create() {
        try {
            long id = platform.create(
                    new Platform.NewSite(name, currency, creditValue, language, adminUsername, adminPassword),
                    account.getUsername());
            ConsoleMessages.info("Site " + id + " created. " + adminUsername + " can sign in to the console now.");
            name = null;
            adminUsername = null;
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
        } finally {
            adminPassword = null;
        }
        load();
    }

    public String workOn(long siteId) {
        try {
            account.workOn(siteId);
            return "index?faces-redirect=true";
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
            return null;
        }
    }

    public void disable(long siteId) {
        change(
                () -> platform.disable(siteId, account.getUsername()),
                "Site disabled: its pages, API and console sign-ins are refused until you enable it.");
    }

    public void enable(long siteId) {
        change(() -> platform.enable(siteId, account.getUsername()), "Site enabled again.");
    }

    private void change(Runnable change, String done) {
        ConsoleMessages.attempt(change, done);
        load();
    }

    public boolean isCurrent(long siteId) {
        try {
            return account.webmasterId() == siteId;
        } catch (DomainException none) {
            return false;
        }
    }

    public List<Platform.Site> getSites() {
        return sites;
    }

    public List<String> getLanguages() {
        return List.of("en", "de");
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public BigDecimal getCreditValue() {
        return creditValue;
    }

    public void setCreditValue(BigDecimal creditValue) {
        this.creditValue = creditValue;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getAdminUsername() {
        return adminUsername;
    }

    public void setAdminUsername(String adminUsername) {
        this.adminUsername = adminUsername;
    }

    public String getAdminPassword() {
        return adminPassword;
    }

    public void setAdminPassword(String adminPassword) {
        this.adminPassword = adminPassword;
    }
}
