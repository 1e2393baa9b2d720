package ppvchat.console.packages;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.logging.Logger;
import ppvchat.console.ConsoleMessages;
import ppvchat.console.CurrentAccount;
import ppvchat.payments.boundary.PackageCatalog;
import ppvchat.platform.entity.DomainException;
import ppvchat.tenancy.boundary.Webmasters;

/**
 * The credit packages page: the site's packages, a form that creates one or changes the one being edited,
 * and withdrawing or offering a package again. Users see only the packages on sale, cheapest first.
 */
@Named
@ViewScoped
public class PackagesBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PackagesBacking.class.getName());

    @Inject
    CurrentAccount account;

    @Inject
    transient PackageCatalog catalog;

    @Inject
    transient Webmasters webmasters;

    private List<PackageCatalog.Package> packages;
    private String currency;
    private Long editing;
    private Long credits;
    private BigDecimal price;
    private String description;

    @PostConstruct
    void load() {
        packages = List.copyOf(catalog.all(account.webmasterId()));
        currency = webmasters.any(account.webmasterId()).currency();
    }

    public void edit(PackageCatalog.Package selected) {
        editing = selected.id();
        credits = selected.credits();
        price = selected.price();
        description = selected.description();
    }

    public void startNew() {
        editing = null;
        credits = null;
        price = null;
        description = null;
    }

    public void save() {
        try {
            if (credits == null || price == null) {
                throw new DomainException("a package needs its credits and its price");
            }
            if (editing == null) {
                catalog.create(account.webmasterId(), credits, price, description);
            } else {
                catalog.change(account.webmasterId(), editing, credits, price, description);
            }
            LOG.info(() ->
                    "console account " + account.getUsername() + " saved a package of site " + account.webmasterId());
            ConsoleMessages.info("Package saved.");
            startNew();
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
        }
        load();
    }

    public void withdraw(long packageId) {
        change(() -> catalog.withdraw(account.webmasterId(), packageId), "Package withdrawn: users no longer see it.");
    }

    public void offer(long packageId) {
        change(() -> catalog.offer(account.webmasterId(), packageId), "Package on sale again.");
    }

    private void change(Runnable change, String done) {
        ConsoleMessages.attempt(change, done);
        load();
    }

    public List<PackageCatalog.Package> getPackages() {
        return packages;
    }

    public String getCurrency() {
        return currency;
    }

    public boolean isEditing() {
        return editing != null;
    }

    public Long getCredits() {
        return credits;
    }

    public void setCredits(Long credits) {
        this.credits = credits;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
