package ppvchat.moderation.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.ConsoleAccount;
import ppvchat.accounts.entity.ConsoleRole;
import ppvchat.accounts.entity.Forbidden;
import ppvchat.accounts.entity.Role;
import ppvchat.ledger.control.Ledger;
import ppvchat.metering.boundary.ShowBilling;
import ppvchat.moderation.control.Ejections;
import ppvchat.moderation.entity.ModerationAction;
import ppvchat.performers.entity.Performer;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.rooms.boundary.RoomEvent;
import ppvchat.rooms.control.LiveRooms;
import ppvchat.rooms.control.Room;
import ppvchat.rooms.control.RoomEvents;
import ppvchat.rooms.entity.EndReason;
import ppvchat.rooms.entity.PrivateShow;
import ppvchat.rooms.entity.ShowStatus;

/**
 * Kick, ban, unban and stopping a private show from the admin console. The actor is a console account
 * (an admin or a moderator of the site, or a platform admin), named by its username as the console signed it
 * in; each action names the site and refuses anything of another site as not found. Each is recorded in the
 * moderation trail with the account as actor and has the effects it has when staff act in a room: the user
 * is taken out and told why, a show is settled exactly as the performer ending it would settle it.
 */
@Stateless
public class ConsoleModeration {

    private static final Logger LOG = Logger.getLogger(ConsoleModeration.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    LiveRooms rooms;

    @Inject
    Ejections ejections;

    @Inject
    ShowBilling billing;

    @Inject
    Ledger ledger;

    @Inject
    RoomEvents events;

    @Inject
    Clock clock;

    /** Out of the performer's room now (their show or request there ends); they may come back. */
    public void kick(long webmasterId, String account, long performerId, long userId, String reason) {
        ModerationAction.Actor actor = actor(webmasterId, account);
        String why = reason(reason);
        performerOf(webmasterId, performerId);
        ChatUser target = targetOf(webmasterId, userId);
        Room room = rooms.room(performerId)
                .filter(open -> open.webmasterId() == webmasterId)
                .orElseThrow(() -> new DomainException("the performer is offline"));
        if (!ejections.isIn(room, userId)) {
            throw new DomainException(target.username() + " is not in this room");
        }
        em.persist(ModerationAction.kick(target, performerId, actor, why, now()));
        ejections.takeOut(room, userId);
        events.publish(new RoomEvent.Kicked(webmasterId, performerId, userId, why));
        LOG.info(() -> "console account " + account + " kicked user " + userId + " from room " + performerId);
    }

    /** Banned from the whole site for {@code minutes} (1 to {@link RoomModeration#MAX_MINUTES}); returns until when. */
    public Instant ban(long webmasterId, String account, long userId, long minutes, String reason) {
        ModerationAction.Actor actor = actor(webmasterId, account);
        String why = reason(reason);
        if (minutes < 1 || minutes > RoomModeration.MAX_MINUTES) {
            throw new DomainException(
                    "a ban lasts 1 to " + RoomModeration.MAX_MINUTES + " minutes (a year), or is permanent");
        }
        return ban(
                webmasterId,
                account,
                userId,
                why,
                target -> ModerationAction.ban(target, Duration.ofMinutes(minutes), actor, why, now()));
    }

    /** Banned from the whole site until someone lifts the ban; returns {@link ChatUser#PERMANENTLY}. */
    public Instant banPermanently(long webmasterId, String account, long userId, String reason) {
        ModerationAction.Actor actor = actor(webmasterId, account);
        String why = reason(reason);
        return ban(
                webmasterId, account, userId, why, target -> ModerationAction.permanentBan(target, actor, why, now()));
    }

    /** Lifts the user's ban; the reason is optional. */
    public void unban(long webmasterId, String account, long userId, String reason) {
        ModerationAction.Actor actor = actor(webmasterId, account);
        String why = reason == null || reason.isBlank() ? "ban lifted in the console" : reason(reason);
        targetOf(webmasterId, userId);
        ChatUser target = ledger.lockUser(webmasterId, userId);
        if (!target.isBannedAt(now())) {
            throw new DomainException(target.username() + " is not banned");
        }
        em.persist(ModerationAction.unban(target, actor, why, now()));
        LOG.info(() -> "console account " + account + " lifted the ban of user " + userId);
    }

    /**
     * Ends a running private show now, settled exactly as any end of a show is settled: what its meter ran,
     * charged once, the hold released, the performer's earning written. The user stays in the room.
     */
    public RoomEvent.ShowEnded stopShow(long webmasterId, String account, long showId, String reason) {
        ModerationAction.Actor actor = actor(webmasterId, account);
        String why = reason(reason);
        PrivateShow show = em.find(PrivateShow.class, showId);
        if (show == null || show.webmasterId() != webmasterId) {
            throw new NotFound("no show " + showId);
        }
        if (show.status() != ShowStatus.RUNNING) {
            throw new DomainException("show " + showId + " is not running");
        }
        RoomEvent.ShowEnded ended = billing.settle(showId, EndReason.MODERATOR)
                .orElseThrow(() -> new DomainException("show " + showId + " has already ended"));
        ChatUser user = em.find(ChatUser.class, show.userId());
        em.persist(ModerationAction.stop(user, show.performerId(), actor, why, now()));
        LOG.info(() -> "console account " + account + " stopped show " + showId + " after " + ended.billedSeconds()
                + " s, " + ended.creditsCharged() + " credits");
        return ended;
    }

    /**
     * Out of every room of the site first (a show is settled: show, then user, the order all billing locks
     * in), then the ban on the locked user, then every room they were in hears of it.
     */
    private Instant ban(
            long webmasterId, String account, long userId, String why, Function<ChatUser, ModerationAction> banning) {
        targetOf(webmasterId, userId);
        List<Long> were = ejections.takeOutEverywhere(webmasterId, userId);
        ChatUser target = ledger.lockUser(webmasterId, userId);
        em.persist(banning.apply(target));
        Instant until = target.bannedUntil();
        if (were.isEmpty()) {
            // In no room: their open sockets still end at once; no room hears of it.
            events.publish(new RoomEvent.Banned(webmasterId, 0, userId, until, why));
        }
        were.forEach(performerId -> events.publish(new RoomEvent.Banned(webmasterId, performerId, userId, until, why)));
        LOG.info(() -> "console account " + account + " banned user " + userId + " until " + until);
        return until;
    }

    /** The signed-in console account, if it may moderate this site. */
    private ModerationAction.Actor actor(long webmasterId, String username) {
        ConsoleAccount account = em.createNamedQuery(ConsoleAccount.BY_USERNAME, ConsoleAccount.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new Forbidden("no console account " + username));
        boolean ofThisSite = account.role() == ConsoleRole.PLATFORM_ADMIN
                || (account.webmasterId() != null && account.webmasterId() == webmasterId);
        if (!account.enabled() || !ofThisSite || account.role() == ConsoleRole.ACCOUNTANT) {
            throw new Forbidden("your console account may not moderate this site");
        }
        return ModerationAction.Actor.console(account.id());
    }

    private ChatUser targetOf(long webmasterId, long userId) {
        ChatUser target = em.find(ChatUser.class, userId);
        if (target == null || target.webmasterId() != webmasterId) {
            throw new NotFound("no user " + userId + " on this site");
        }
        if (target.role() != Role.USER && target.role() != Role.GUEST) {
            throw new DomainException("only users and guests can be kicked or banned; " + target.username() + " is "
                    + target.role().name().toLowerCase());
        }
        return target;
    }

    private void performerOf(long webmasterId, long performerId) {
        Performer performer = em.find(Performer.class, performerId);
        if (performer == null || performer.webmasterId() != webmasterId) {
            throw new NotFound("no performer " + performerId + " on this site");
        }
    }

    /** Now, to the microsecond the database keeps, so that what is returned is what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A reason is required from the console: the trail says why. */
    private static String reason(String reason) {
        String stripped = reason == null ? "" : reason.strip();
        if (stripped.isEmpty()) {
            throw new DomainException("give a reason: it is kept in the moderation trail");
        }
        if (stripped.length() > RoomModeration.MAX_REASON) {
            throw new DomainException("a reason has at most " + RoomModeration.MAX_REASON + " characters");
        }
        return stripped;
    }
}
