package ppvchat.console.users;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;
import org.primefaces.model.LazyDataModel;
import ppvchat.accounts.boundary.ChatUsers;
import ppvchat.console.ConsoleMessages;
import ppvchat.console.CurrentAccount;
import ppvchat.console.Paged;
import ppvchat.console.moderation.BanForm;
import ppvchat.moderation.boundary.ConsoleModeration;
import ppvchat.platform.entity.DomainException;

/**
 * The Users page: a search over the site's users (by name, id or external id, read a page at a time), and
 * one user's balance and ledger with a form to adjust the credits, and banning or unbanning them. The page's address carries the search
 * ({@code q}) and the user ({@code user}), so both can be bookmarked and reloaded.
 */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(UsersBacking.class.getName());

    @Inject
    CurrentAccount account;

    @Inject
    transient ChatUsers users;

    @Inject
    transient ConsoleModeration moderation;

    private String q = "";
    private Long user;
    private ChatUsers.Detail detail;
    private Long credits;
    private String reason;
    /** One key per shown form: a form sent twice (a double click, a reload) adjusts once. */
    private String formKey = UUID.randomUUID().toString();

    private final BanForm banForm = new BanForm();
    private String unbanReason;

    private final LazyDataModel<ChatUsers.Found> found = new Paged<>(
            () -> users.count(account.webmasterId(), q),
            (first, size) -> users.search(account.webmasterId(), q, first, size),
            ChatUsers.Found::id);

    /** Reads the user named in the address, if any; another site's user is simply not found. */
    public void open() {
        detail = null;
        if (user == null) {
            return;
        }
        try {
            detail = users.detail(account.webmasterId(), user);
        } catch (DomainException notHere) {
            ConsoleMessages.error("No such user on this site.");
        }
    }

    public void adjust() {
        if (detail == null) {
            return;
        }
        if (credits == null || credits == 0) {
            ConsoleMessages.error("Give the credits to add or remove (not 0).");
            return;
        }
        try {
            users.adjust(account.webmasterId(), detail.id(), credits, account.getUsername(), reason, formKey);
            long changed = credits;
            LOG.info(() -> "console account " + account.getUsername() + " adjusted user " + user + " by " + changed);
            ConsoleMessages.info("Credits adjusted.");
            credits = null;
            reason = null;
            formKey = UUID.randomUUID().toString();
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
        } catch (RuntimeException invalid) {
            // The ledger refuses a blank reason or actor with an IllegalArgumentException, wrapped by the container.
            ConsoleMessages.error("An adjustment needs a reason.");
        }
        open();
    }

    /** Bans the user shown, for the form's minutes or permanently, with the form's reason. */
    public void ban() {
        if (detail == null) {
            return;
        }
        try {
            ConsoleMessages.info(banForm.ban(
                    moderation, account.webmasterId(), account.getUsername(), detail.id(), detail.username()));
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
        }
        open();
    }

    public void unban() {
        if (detail == null) {
            return;
        }
        try {
            moderation.unban(account.webmasterId(), account.getUsername(), detail.id(), unbanReason);
            ConsoleMessages.info(detail.username() + " may come back: the ban is lifted.");
            unbanReason = null;
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
        }
        open();
    }

    /** Whether the user shown is banned now. */
    public boolean isBanned() {
        return detail != null && detail.bannedUntil() != null && Instant.now().isBefore(detail.bannedUntil());
    }

    /** "until 2026-11-28 10:15 UTC" or "permanently". */
    public String getBannedUntil() {
        return detail == null ? "" : BanForm.until(detail.bannedUntil());
    }

    public BanForm getBanForm() {
        return banForm;
    }

    public String getUnbanReason() {
        return unbanReason;
    }

    public void setUnbanReason(String unbanReason) {
        this.unbanReason = unbanReason;
    }

    public LazyDataModel<ChatUsers.Found> getFound() {
        return found;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q == null ? "" : q;
    }

    public Long getUser() {
        return user;
    }

    public void setUser(Long user) {
        this.user = user;
    }

    public ChatUsers.Detail getDetail() {
        return detail;
    }

    public Long getCredits() {
        return credits;
    }

    public void setCredits(Long credits) {
        this.credits = credits;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
