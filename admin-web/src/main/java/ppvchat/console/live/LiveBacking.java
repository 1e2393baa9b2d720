package ppvchat.console.live;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.primefaces.PrimeFaces;
import ppvchat.console.ConsoleMessages;
import ppvchat.console.CurrentAccount;
import ppvchat.console.moderation.BanForm;
import ppvchat.moderation.boundary.ConsoleModeration;
import ppvchat.platform.entity.DomainException;
import ppvchat.rooms.boundary.LiveOverview;

/**
 * The Live page: the site's performers online, who watches them, the private shows running with their
 * meters and what each user has left, read every two seconds from the server's memory; and stopping a show,
 * kicking or banning someone, each with a reason. Names are looked up once per person and kept for the view.
 */
@Named
@ViewScoped
public class LiveBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LiveBacking.class.getName());
    /** Watchers listed per room; the count says how many more there are. */
    static final int LISTED_WATCHERS = 60;

    /** What the dialog is about to do. */
    public enum Act {
        STOP,
        KICK,
        BAN
    }

    /** A watcher with a name. */
    public record Person(long id, String name) {}

    @Inject
    CurrentAccount account;

    @Inject
    transient LiveOverview overview;

    @Inject
    transient ConsoleModeration moderation;

    private final Map<Long, String> performerNames = new HashMap<>();
    private final Map<Long, String> userNames = new HashMap<>();
    private List<LiveOverview.LiveRoom> rooms = List.of();

    private Act act;
    private long performerId;
    private long userId;
    private long showId;
    private String reason;
    private final BanForm banForm = new BanForm();

    @PostConstruct
    public void refresh() {
        long site = account.webmasterId();
        rooms = overview.now(site);
        Set<Long> performers = new HashSet<>();
        Set<Long> users = new HashSet<>();
        for (LiveOverview.LiveRoom room : rooms) {
            performers.add(room.performerId());
            room.watchers().stream().limit(LISTED_WATCHERS).forEach(users::add);
            if (room.show() != null) {
                users.add(room.show().userId());
            }
        }
        performers.removeAll(performerNames.keySet());
        users.removeAll(userNames.keySet());
        // Only people not seen before cost a query: a page left open reads nothing from the database.
        if (!performers.isEmpty()) {
            performerNames.putAll(overview.performerNames(site, performers));
        }
        if (!users.isEmpty()) {
            userNames.putAll(overview.userNames(site, users));
        }
    }

    public List<LiveOverview.LiveRoom> getRooms() {
        return rooms;
    }

    public List<LiveOverview.LiveRoom> getShows() {
        return rooms.stream().filter(room -> room.show() != null).toList();
    }

    public long getWatching() {
        return rooms.stream().mapToLong(room -> room.watchers().size()).sum();
    }

    public String performer(long id) {
        return performerNames.getOrDefault(id, "#" + id);
    }

    public String user(long id) {
        return userNames.getOrDefault(id, "#" + id);
    }

    /** The first watchers of the room, with their names. */
    public List<Person> watchers(LiveOverview.LiveRoom room) {
        return room.watchers().stream()
                .limit(LISTED_WATCHERS)
                .map(id -> new Person(id, user(id)))
                .toList();
    }

    public int unlisted(LiveOverview.LiveRoom room) {
        return Math.max(0, room.watchers().size() - LISTED_WATCHERS);
    }

    /** Seconds as minutes and seconds, "12:05". */
    public String clock(long seconds) {
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    public void prepareStop(long performerId, long showId, long userId) {
        prepare(Act.STOP, performerId, userId);
        this.showId = showId;
    }

    public void prepareKick(long performerId, long userId) {
        prepare(Act.KICK, performerId, userId);
    }

    public void prepareBan(long performerId, long userId) {
        prepare(Act.BAN, performerId, userId);
    }

    private void prepare(Act act, long performerId, long userId) {
        this.act = act;
        this.performerId = performerId;
        this.userId = userId;
        this.showId = 0;
        this.reason = null;
        banForm.clear();
    }

    /** Does what the dialog says; the dialog closes when it is done, and stays open with the refusal when not. */
    public void confirm() {
        if (act == null) {
            return;
        }
        long site = account.webmasterId();
        String by = account.getUsername();
        String who = user(userId);
        try {
            String done =
                    switch (act) {
                        case STOP -> {
                            var ended = moderation.stopShow(site, by, showId, reason);
                            yield "Show stopped: " + who + " was charged " + ended.creditsCharged() + " credits for "
                                    + clock(ended.billedSeconds()) + ".";
                        }
                        case KICK -> {
                            moderation.kick(site, by, performerId, userId, reason);
                            yield who + " was kicked from " + performer(performerId) + "'s room.";
                        }
                        case BAN -> {
                            banForm.setReason(reason);
                            yield banForm.ban(moderation, site, by, userId, who);
                        }
                    };
            Act did = act;
            LOG.info(() -> "console account " + by + ": " + did + " user " + userId + " in room " + performerId);
            ConsoleMessages.info(done);
            act = null;
            PrimeFaces.current().ajax().addCallbackParam("done", true);
        } catch (DomainException refused) {
            ConsoleMessages.refused(refused);
        }
        refresh();
    }

    public String getTitle() {
        if (act == null) {
            return "";
        }
        return switch (act) {
            case STOP -> "Stop " + user(userId) + "'s private show with " + performer(performerId);
            case KICK -> "Kick " + user(userId) + " from " + performer(performerId) + "'s room";
            case BAN -> "Ban " + user(userId) + " from the whole site";
        };
    }

    public Act getAct() {
        return act;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public BanForm getBanForm() {
        return banForm;
    }
}
