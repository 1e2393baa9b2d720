package ppvchat.console.payments;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.logging.Logger;
import ppvchat.console.ConsoleMessages;
import ppvchat.console.ConsoleRoles;
import ppvchat.console.CurrentAccount;
import ppvchat.payments.boundary.PaymentRecords;
import ppvchat.platform.entity.DomainException;

/**
 * The signed-in webmaster's PayPal payments: captures with what was refunded, disputes, refused
 * captures, and the users whose purchases and shows wait for a decision after a refund or reversal.
 */
@Named
@ViewScoped
public class PaymentsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PaymentsBacking.class.getName());
    private static final int ROWS = 200;

    @Inject
    CurrentAccount account;

    @Inject
    transient PaymentRecords records;

    private List<PaymentRecords.Capture> captures;
    private List<PaymentRecords.Dispute> disputes;
    private List<PaymentRecords.HeldUser> held;
    private List<PaymentRecords.Refused> refused;

    @PostConstruct
    void load() {
        long webmasterId = account.webmasterId();
        captures = List.copyOf(records.captures(webmasterId, ROWS));
        disputes = List.copyOf(records.disputes(webmasterId, ROWS));
        held = List.copyOf(records.heldUsers(webmasterId));
        refused = List.copyOf(records.refused(webmasterId, ROWS));
    }

    /** Accountants see the page; only the site's admins decide about a user. */
    public boolean isMayDecide() {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        return external.isUserInRole(ConsoleRoles.WEBMASTER_ADMIN)
                || external.isUserInRole(ConsoleRoles.PLATFORM_ADMIN);
    }

    public void liftHold(long userId) {
        if (!isMayDecide()) {
            ConsoleMessages.error("Only the site's admins decide");
            return;
        }
        try {
            records.liftHold(account.webmasterId(), userId);
            LOG.info(() -> "console account " + account.getUsername() + " lifted the purchase hold of user " + userId
                    + " on site " + account.webmasterId());
            ConsoleMessages.info("Hold lifted");
        } catch (DomainException refused) {
            ConsoleMessages.error(refused.getMessage());
        }
        load();
    }

    public List<PaymentRecords.Capture> getCaptures() {
        return captures;
    }

    public List<PaymentRecords.Dispute> getDisputes() {
        return disputes;
    }

    public List<PaymentRecords.HeldUser> getHeld() {
        return held;
    }

    public List<PaymentRecords.Refused> getRefused() {
        return refused;
    }
}
