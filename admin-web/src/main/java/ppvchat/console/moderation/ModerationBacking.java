package ppvchat.console.moderation;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import org.primefaces.model.LazyDataModel;
import ppvchat.chat.boundary.BadWords;
import ppvchat.console.ConsoleMessages;
import ppvchat.console.CurrentAccount;
import ppvchat.console.Paged;
import ppvchat.moderation.boundary.ConsoleModeration;
import ppvchat.moderation.boundary.ModerationTrail;
import ppvchat.moderation.entity.ModerationKind;
import ppvchat.platform.entity.DomainException;

/**
 * The Moderation page: the site's moderation trail (newest first, one kind or all), the bans in force with a
 * way to lift each, who watched users type, and the words the chat masks. Tables read a page at a time.
 */
@Named
@ViewScoped
public class ModerationBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ModerationBacking.class.getName());

    @Inject
    CurrentAccount account;

    @Inject
    transient ModerationTrail trail;

    @Inject
    transient ConsoleModeration moderation;

    @Inject
    transient BadWords badWords;

    private String kind = "";
    private String words;

    private final LazyDataModel<ModerationTrail.Action> actions = new Paged<>(
            () -> trail.countActions(account.webmasterId(), kind),
            (first, size) -> trail.actions(account.webmasterId(), kind, first, size),
            ModerationTrail.Action::id);

    private final LazyDataModel<ModerationTrail.Ban> bans = new Paged<>(
            () -> trail.countBans(account.webmasterId()),
            (first, size) -> trail.bans(account.webmasterId(), first, size),
            ModerationTrail.Ban::userId);

    private final LazyDataModel<ModerationTrail.TypingWatch> typing = new Paged<>(
            () -> trail.countTypingWatches(account.webmasterId()),
            (first, size) -> trail.typingWatches(account.webmasterId(), first, size),
            ModerationTrail.TypingWatch::id);

    private long siteId;

    @PostConstruct
    void load() {
        siteId = account.webmasterId();
        words = String.join("\n", badWords.of(siteId));
    }

    public void unban(long userId, String username) {
        try {
            moderation.unban(account.webmasterId(), account.getUsername(), userId, null);
            ConsoleMessages.info(username + " may come back: the ban is lifted.");
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
        }
    }

    public void saveWords() {
        try {
            List<String> kept = badWords.replace(account.stillOn(siteId), words);
            words = String.join("\n", kept);
            LOG.info(() -> "console account " + account.getUsername() + " changed the masked words of site "
                    + account.webmasterId());
            ConsoleMessages.info(
                    kept.isEmpty()
                            ? "No word is masked any more."
                            : kept.size() + " words are masked from the next message on.");
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
        }
    }

    public String when(Instant at) {
        return BanForm.when(at);
    }

    /** What an action's "until" column says: when a ban or mute ends, "permanent", or nothing. */
    public String until(ModerationTrail.Action action) {
        if (action.permanent()) {
            return "permanent";
        }
        return action.until() == null ? "" : BanForm.when(action.until());
    }

    public List<String> getKinds() {
        return Arrays.stream(ModerationKind.values()).map(Enum::name).toList();
    }

    public LazyDataModel<ModerationTrail.Action> getActions() {
        return actions;
    }

    public LazyDataModel<ModerationTrail.Ban> getBans() {
        return bans;
    }

    public LazyDataModel<ModerationTrail.TypingWatch> getTyping() {
        return typing;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind == null ? "" : kind;
    }

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }
}
