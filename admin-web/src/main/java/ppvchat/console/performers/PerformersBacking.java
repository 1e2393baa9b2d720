package ppvchat.console.performers;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.logging.Logger;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.file.UploadedFile;
import ppvchat.console.ConsoleMessages;
import ppvchat.console.CurrentAccount;
import ppvchat.console.Paged;
import ppvchat.performers.boundary.PerformerRoster;
import ppvchat.performers.boundary.PerformerRoster.Details;
import ppvchat.photos.entity.PhotoTooLarge;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;

/**
 * The Performers page: the site's performers (searched by name, read a page at a time), a form that creates
 * one with the login for the performer page or changes the one opened, their photos, disabling and enabling,
 * and a new password. The address carries the search ({@code q}) and the performer ({@code performer}).
 */
@Named
@ViewScoped
public class PerformersBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PerformersBacking.class.getName());

    @Inject
    CurrentAccount account;

    @Inject
    transient PerformerRoster roster;

    private String q = "";
    private Long performer;
    private PerformerRoster.Profile profile;
    private PerformerRoster.Limits limits;
    private String username;
    private String password;
    private String displayName;
    private String headline;
    private Integer pricePerMinute;
    private BigDecimal percentage;
    private String newPassword;
    private transient UploadedFile photo;

    private final LazyDataModel<PerformerRoster.Listed> found = new Paged<>(
            () -> roster.count(account.webmasterId(), q),
            (first, size) -> roster.search(account.webmasterId(), q, first, size),
            PerformerRoster.Listed::id);

    /** Reads the performer named in the address, if any; another site's performer is simply not found. */
    public void open() {
        limits = roster.limits(account.webmasterId());
        if (performer == null) {
            startNew();
            return;
        }
        try {
            show(roster.profile(account.webmasterId(), performer));
        } catch (NotFound notHere) {
            performer = null;
            startNew();
            ConsoleMessages.error("No such performer on this site.");
        }
    }

    public void save() {
        Details details = new Details(displayName, headline, pricePerMinute, percentage);
        try {
            if (performer == null) {
                performer = roster.create(account.webmasterId(), username, password, details);
                log("created performer " + performer);
                ConsoleMessages.info("Performer created: they sign in on the performer page as " + username.strip()
                        + ". Add a photo for the wall below.");
            } else {
                roster.edit(account.webmasterId(), performer, details);
                log("changed performer " + performer);
                ConsoleMessages.info("Performer saved: the wall shows the change.");
            }
            reload();
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
        } finally {
            password = null; // never kept in the view, saved or not
        }
    }

    public void disable() {
        change(
                () -> roster.disable(account.webmasterId(), performer),
                "disabled performer ",
                "Performer disabled: off the wall, taken offline, and unable to sign in until enabled again.");
    }

    public void enable() {
        change(
                () -> roster.enable(account.webmasterId(), performer),
                "enabled performer ",
                "Performer enabled: back on the wall and able to sign in.");
    }

    public void resetPassword() {
        change(
                () -> roster.resetPassword(account.webmasterId(), performer, newPassword),
                "reset the password of ",
                "Password changed: give the performer the new one; the old one no longer works.");
        newPassword = null;
    }

    public void upload() {
        if (performer == null) {
            return;
        }
        if (photo == null || photo.getSize() <= 0) {
            ConsoleMessages.error("Choose a picture to upload.");
            return;
        }
        if (photo.getSize() > limits.maxPhotoBytes()) {
            ConsoleMessages.refused(new PhotoTooLarge(limits.maxPhotoBytes()));
            return;
        }
        byte[] bytes = photo.getContent();
        change(
                () -> roster.addPhoto(account.webmasterId(), performer, bytes),
                "added a photo to ",
                "Photo added: cut to the wall's square and stored without its metadata.");
        photo = null;
    }

    public void removePhoto(long photoId) {
        change(
                () -> roster.removePhoto(account.webmasterId(), performer, photoId),
                "removed a photo of ",
                "Photo removed.");
    }

    public void putFirst(long photoId) {
        change(
                () -> roster.putFirst(account.webmasterId(), performer, photoId),
                "reordered the photos of ",
                "Photo first: the wall shows it on the performer's tile.");
    }

    /** Where the wall serves a photo of this site; the console shows the same bytes as the wall. */
    public String photoUrl(long photoId) {
        return "/api/webmasters/" + account.webmasterId() + "/photos/" + photoId;
    }

    private void change(Runnable change, String what, String done) {
        if (performer == null) {
            return;
        }
        try {
            change.run();
            log(what + performer);
            ConsoleMessages.info(done);
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
        }
        reload();
    }

    private void reload() {
        try {
            show(roster.profile(account.webmasterId(), performer));
        } catch (NotFound gone) {
            performer = null;
            startNew();
        }
    }

    private void show(PerformerRoster.Profile shown) {
        profile = shown;
        username = shown.username();
        displayName = shown.displayName();
        headline = shown.headline();
        pricePerMinute = shown.pricePerMinute();
        percentage = shown.percentage();
    }

    private void startNew() {
        profile = null;
        username = null;
        password = null;
        displayName = null;
        headline = null;
        pricePerMinute = null;
        percentage = null;
    }

    private void log(String what) {
        LOG.info(() -> "console account " + account.getUsername() + " " + what + " of site " + account.webmasterId());
    }

    public LazyDataModel<PerformerRoster.Listed> getFound() {
        return found;
    }

    public boolean isEditing() {
        return profile != null;
    }

    public PerformerRoster.Profile getProfile() {
        return profile;
    }

    public PerformerRoster.Limits getLimits() {
        return limits;
    }

    public long getMaxPhotoMegabytes() {
        return limits.maxPhotoBytes() / (1024 * 1024);
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q == null ? "" : q;
    }

    public Long getPerformer() {
        return performer;
    }

    public void setPerformer(Long performer) {
        this.performer = performer;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getHeadline() {
        return headline;
    }

    public void setHeadline(String headline) {
        this.headline = headline;
    }

    public Integer getPricePerMinute() {
        return pricePerMinute;
    }

    public void setPricePerMinute(Integer pricePerMinute) {
        this.pricePerMinute = pricePerMinute;
    }

    public BigDecimal getPercentage() {
        return percentage;
    }

    public void setPercentage(BigDecimal percentage) {
        this.percentage = percentage;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public UploadedFile getPhoto() {
        return photo;
    }

    public void setPhoto(UploadedFile photo) {
        this.photo = photo;
    }
}
