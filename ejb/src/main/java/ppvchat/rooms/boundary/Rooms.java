package ppvchat.rooms.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Forbidden;
import ppvchat.accounts.entity.Permission;
import ppvchat.accounts.entity.Role;
import ppvchat.external.boundary.ExternalWallet;
import ppvchat.ledger.control.Ledger;
import ppvchat.ledger.entity.InsufficientCredits;
import ppvchat.metering.boundary.ShowBilling;
import ppvchat.performers.entity.Performer;
import ppvchat.platform.control.AfterCompletion;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.rooms.control.LiveRooms;
import ppvchat.rooms.control.Room;
import ppvchat.rooms.control.RoomEvents;
import ppvchat.rooms.entity.EndReason;
import ppvchat.rooms.entity.PrivateShow;
import ppvchat.rooms.entity.ShowStatus;
import ppvchat.tenancy.boundary.Webmasters;
import ppvchat.tenancy.entity.Webmaster;

/**
 * A performer's room: going online and offline, watchers entering and leaving, private requests and
 * their answers, and the end of a private show. Every method names the webmaster and the acting user,
 * as an authenticated session knows them, and checks both. Memory changes follow the database: they
 * are applied once the transaction commits.
 */
@Stateless
public class Rooms {

    @PersistenceContext
    EntityManager em;

    @Inject
    ExternalWallet wallet;

    @Inject
    Webmasters webmasters;

    @Inject
    LiveRooms rooms;

    @Inject
    Ledger ledger;

    @Inject
    ShowBilling billing;

    @Inject
    RoomEvents events;

    @Inject
    AfterCompletion afterCompletion;

    @Inject
    Clock clock;

    public void goOnline(long webmasterId, long performerUserId) {
        Performer performer = performerOf(webmasterId, performerUserId);
        performer.requireEnabled();
        requireNotBanned(performer.user());
        afterCompletion.onCommit(() -> rooms.open(webmasterId, performer.id(), performerUserId));
        events.publish(new RoomEvent.PerformerOnline(webmasterId, performer.id()));
    }

    /** Ends a running show (the performer ended it), ejects everyone and closes the room. */
    public void goOffline(long webmasterId, long performerUserId) {
        close(webmasterId, performerOf(webmasterId, performerUserId), EndReason.PERFORMER_ENDED);
    }

    /**
     * The site's admins disabled the performer: a running show ends as a moderator's stop would end it,
     * everyone is ejected and the room closes; the wall is told the performer is offline either way.
     */
    public void takeOffline(long webmasterId, long performerId) {
        Performer performer = em.find(Performer.class, performerId);
        if (performer == null || performer.webmasterId() != webmasterId) {
            throw new NotFound("no performer " + performerId);
        }
        close(webmasterId, performer, EndReason.MODERATOR);
    }

    private void close(long webmasterId, Performer performer, EndReason showEnd) {
        rooms.room(performer.id()).ifPresent(room -> {
            room.running().ifPresent(show -> billing.settle(show.showId(), showEnd));
            room.requests().forEach(request -> expire(request.showId()));
            room.watchers()
                    .forEach(userId -> events.publish(new RoomEvent.WatcherEjected(
                            webmasterId, performer.id(), userId, "the performer went offline")));
            afterCompletion.onCommit(() -> rooms.close(performer.id()));
        });
        events.publish(new RoomEvent.PerformerOffline(webmasterId, performer.id()));
    }

    public void enter(long webmasterId, long userId, long performerId) {
        ChatUser user = userOf(webmasterId, userId);
        requireNotBanned(user);
        Room room = roomOf(webmasterId, performerId);
        room.enter(userId);
        afterCompletion.onRollback(() -> room.leave(userId));
        events.publish(new RoomEvent.WatcherEntered(webmasterId, performerId, userId));
    }

    /** The user leaves; their private show ends and their pending request is withdrawn. */
    public void leave(long webmasterId, long userId, long performerId) {
        Room room = roomOf(webmasterId, performerId);
        room.running()
                .filter(show -> show.userId() == userId)
                .ifPresent(show -> billing.settle(show.showId(), EndReason.USER_LEFT));
        room.requests().stream()
                .filter(request -> request.userId() == userId)
                .forEach(request -> withdraw(room, request.showId()));
        afterCompletion.onCommit(() -> room.leave(userId));
        events.publish(new RoomEvent.WatcherLeft(webmasterId, performerId, userId));
    }

    /**
     * Asks the performer for a private show at their current price, which is locked for the show.
     * Needs the permission, no ban, no other open show, and the webmaster's minimum balance to start.
     */
    public long requestPrivate(long webmasterId, long userId, long performerId) {
        Webmaster webmaster = webmasters.find(webmasterId);
        Room room = roomOf(webmasterId, performerId);
        ChatUser user = ledger.lockUser(webmasterId, userId);
        requireNotBanned(user);
        if (user.purchasesHold().isPresent()) {
            throw new Forbidden("private shows are on hold for your account after a refund or a reversal;"
                    + " the site's support can help");
        }
        if (!webmaster.permits(user.role(), Permission.REQUEST_PRIVATE)) {
            throw new DomainException("your role may not request private shows on this site");
        }
        room.requireFree();
        long open = em.createQuery(
                        "SELECT COUNT(s) FROM PrivateShow s WHERE s.webmasterId = :w AND s.userId = :u"
                                + " AND s.status IN :open",
                        Long.class)
                .setParameter("w", webmasterId)
                .setParameter("u", userId)
                .setParameter("open", List.of(ShowStatus.REQUESTED, ShowStatus.ACCEPTED, ShowStatus.RUNNING))
                .getSingleResult();
        if (open > 0) {
            throw new DomainException("you already have a private show requested or running");
        }
        Performer performer = em.find(Performer.class, performerId);
        long needed = Math.max(1, webmaster.billing().minBalanceToStart());
        long spendable = ExternalWallet.keepsCredits(webmaster) ? wallet.spendable(webmaster, user) : user.available();
        if (spendable < needed) {
            throw new InsufficientCredits(needed, spendable);
        }
        Instant now = clock.instant();
        PrivateShow show = PrivateShow.request(performer, user, now);
        em.persist(show);
        em.flush();
        long showId = show.id();
        afterCompletion.onCommit(() -> room.addRequest(showId, userId, now));
        events.publish(new RoomEvent.PrivateRequested(webmasterId, performerId, showId, userId, show.ratePerMinute()));
        return showId;
    }

    public void cancel(long webmasterId, long userId, long showId) {
        PrivateShow show = showOf(webmasterId, showId);
        if (show.userId() != userId) {
            throw new DomainException("only the user who asked can cancel this request");
        }
        show.cancel();
        rooms.room(show.performerId()).ifPresent(room -> afterCompletion.onCommit(() -> room.removeRequest(showId)));
        events.publish(new RoomEvent.PrivateCancelled(webmasterId, show.performerId(), showId, userId));
    }

    public void decline(long webmasterId, long performerUserId, long showId) {
        PrivateShow show = showOf(webmasterId, showId);
        requireOwnShow(show, performerUserId);
        show.decline();
        rooms.room(show.performerId()).ifPresent(room -> afterCompletion.onCommit(() -> room.removeRequest(showId)));
        events.publish(new RoomEvent.PrivateDeclined(webmasterId, show.performerId(), showId, show.userId()));
    }

    /**
     * The performer accepts: the show starts billing at its locked rate, every other watcher is ejected,
     * every other request is declined, and the room is busy.
     */
    public void accept(long webmasterId, long performerUserId, long showId) {
        Webmaster webmaster = webmasters.find(webmasterId);
        PrivateShow show = em.find(PrivateShow.class, showId, LockModeType.PESSIMISTIC_WRITE);
        if (show == null || show.webmasterId() != webmasterId) {
            throw new NotFound("no show " + showId);
        }
        requireOwnShow(show, performerUserId);
        Room room = roomOf(webmasterId, show.performerId());
        room.requireFree();
        // Accepts in one room are serialized on the performer's row; the database decides, not memory.
        em.find(Performer.class, show.performerId(), LockModeType.PESSIMISTIC_WRITE);
        long running = em.createQuery(
                        "SELECT COUNT(s) FROM PrivateShow s WHERE s.performerId = :p AND s.status IN :running",
                        Long.class)
                .setParameter("p", show.performerId())
                .setParameter("running", List.of(ShowStatus.ACCEPTED, ShowStatus.RUNNING))
                .getSingleResult();
        if (running > 0) {
            throw new DomainException("the performer is already in a private show");
        }
        ChatUser user = ledger.lockUser(webmasterId, show.userId());
        requireNotBanned(user);
        if (user.purchasesHold().isPresent()) {
            throw new Forbidden("this user's private shows are on hold after a refund or a reversal");
        }
        Instant now = clock.instant();
        show.accept(now);
        billing.start(webmaster, show, user, now);
        List<Room.Request> others = room.requests().stream()
                .filter(request -> request.showId() != showId)
                .toList();
        others.forEach(request -> declineUnanswered(request.showId()));
        long performerId = show.performerId();
        long userId = show.userId();
        afterCompletion.onCommit(() -> room.startPrivate(showId, userId));
        room.watchers().stream()
                .filter(watcher -> watcher != userId)
                .forEach(watcher -> events.publish(
                        new RoomEvent.WatcherEjected(webmasterId, performerId, watcher, "the room went private")));
        events.publish(new RoomEvent.ShowStarted(
                webmasterId,
                performerId,
                showId,
                userId,
                show.ratePerMinute(),
                show.graceSeconds(),
                show.rounding().name()));
    }

    /** Either side ends the running show. */
    public void endShow(long webmasterId, long actingUserId, long showId) {
        PrivateShow show = showOf(webmasterId, showId);
        Performer performer = em.find(Performer.class, show.performerId());
        EndReason reason;
        if (show.userId() == actingUserId) {
            reason = EndReason.USER_LEFT;
        } else if (performer.user().id() == actingUserId) {
            reason = EndReason.PERFORMER_ENDED;
        } else {
            throw new DomainException("only the two sides of a show can end it");
        }
        billing.settle(showId, reason);
    }

    /** A moderator or admin stops a show; needs the kick permission. */
    public void stopShow(long webmasterId, long moderatorUserId, long showId) {
        Webmaster webmaster = webmasters.find(webmasterId);
        ChatUser moderator = userOf(webmasterId, moderatorUserId);
        if ((moderator.role() != Role.MODERATOR && moderator.role() != Role.ADMIN)
                || !webmaster.permits(moderator.role(), Permission.KICK)) {
            throw new DomainException("only moderators may stop a show");
        }
        showOf(webmasterId, showId);
        billing.settle(showId, EndReason.MODERATOR);
    }

    /** A request nobody answered in time; called by the metering tick and on start. */
    public void expire(long showId) {
        PrivateShow show = em.find(PrivateShow.class, showId, LockModeType.PESSIMISTIC_WRITE);
        if (show == null) {
            return;
        }
        if (show.status() == ShowStatus.REQUESTED) {
            show.expire();
            events.publish(new RoomEvent.PrivateExpired(show.webmasterId(), show.performerId(), showId, show.userId()));
        }
        rooms.room(show.performerId()).ifPresent(room -> afterCompletion.onCommit(() -> room.removeRequest(showId)));
    }

    /** A side's connection dropped or came back; the tick ends shows abandoned past the grace. */
    public void connectionChanged(long webmasterId, long userId, long performerId, boolean connected) {
        Room room = roomOf(webmasterId, performerId);
        if (connected) {
            room.reconnected(userId);
        } else {
            room.disconnected(userId, clock.instant());
        }
    }

    /** Someone whose connection never came back within the grace: a watcher leaves, a performer goes offline. */
    public void gone(long webmasterId, long userId, long performerId) {
        Room room = rooms.room(performerId).orElse(null);
        if (room == null || room.webmasterId() != webmasterId || !room.stillGone(userId)) {
            return;
        }
        afterCompletion.onRollback(() -> room.disconnected(userId, clock.instant()));
        if (room.performerUserId() == userId) {
            goOffline(webmasterId, userId);
        } else if (room.isWatcher(userId)) {
            leave(webmasterId, userId, performerId);
        }
    }

    /** Leaving withdraws the user's request if it is still open; one answered meanwhile just leaves the room. */
    private void withdraw(Room room, long showId) {
        PrivateShow show = em.find(PrivateShow.class, showId, LockModeType.PESSIMISTIC_WRITE);
        if (show != null && show.status() == ShowStatus.REQUESTED) {
            show.cancel();
            events.publish(
                    new RoomEvent.PrivateCancelled(show.webmasterId(), show.performerId(), showId, show.userId()));
        }
        afterCompletion.onCommit(() -> room.removeRequest(showId));
    }

    /** Another request of a room that just went private, unless it was answered meanwhile. */
    private void declineUnanswered(long showId) {
        PrivateShow other = em.find(PrivateShow.class, showId, LockModeType.PESSIMISTIC_WRITE);
        if (other != null && other.status() == ShowStatus.REQUESTED) {
            other.decline();
            events.publish(
                    new RoomEvent.PrivateDeclined(other.webmasterId(), other.performerId(), showId, other.userId()));
        }
    }

    private Room roomOf(long webmasterId, long performerId) {
        Room room = rooms.openRoom(performerId);
        if (room.webmasterId() != webmasterId) {
            throw new NotFound("no performer " + performerId);
        }
        return room;
    }

    private Performer performerOf(long webmasterId, long performerUserId) {
        return em.createQuery("SELECT p FROM Performer p WHERE p.webmasterId = :w AND p.user.id = :u", Performer.class)
                .setParameter("w", webmasterId)
                .setParameter("u", performerUserId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new DomainException("you are not a performer on this site"));
    }

    private ChatUser userOf(long webmasterId, long userId) {
        ChatUser user = em.find(ChatUser.class, userId);
        if (user == null || user.webmasterId() != webmasterId) {
            throw new NotFound("no user " + userId);
        }
        return user;
    }

    private PrivateShow showOf(long webmasterId, long showId) {
        PrivateShow show = em.find(PrivateShow.class, showId);
        if (show == null || show.webmasterId() != webmasterId) {
            throw new NotFound("no show " + showId);
        }
        return show;
    }

    private void requireOwnShow(PrivateShow show, long performerUserId) {
        Performer performer = em.find(Performer.class, show.performerId());
        if (performer.user().id() != performerUserId) {
            throw new DomainException("only the requested performer can answer this request");
        }
    }

    private void requireNotBanned(ChatUser user) {
        if (user.isBannedAt(clock.instant())) {
            throw new DomainException("you are banned until " + user.bannedUntil());
        }
    }
}
