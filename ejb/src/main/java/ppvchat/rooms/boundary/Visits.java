package ppvchat.rooms.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Role;
import ppvchat.chat.control.RoomChats;
import ppvchat.ledger.control.CreditsElsewhere;
import ppvchat.performers.entity.Performer;
import ppvchat.platform.control.AfterCompletion;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.rooms.control.LiveRooms;
import ppvchat.rooms.control.Room;
import ppvchat.rooms.entity.PrivateShow;
import ppvchat.signaling.control.IceServers;

/**
 * Someone's connection to a room opening and closing. Arriving, the room's performer goes online (or
 * comes back to a running show), staff look on, and anyone else enters as a watcher (or comes back to
 * their show). Departing, a watcher leaves; a side of a running show, or the performer, is only marked
 * disconnected, and is taken out once the reconnection grace has passed without them.
 */
@Stateless
public class Visits {

    @PersistenceContext
    EntityManager em;

    @Inject
    Rooms rooms;

    @Inject
    LiveRooms live;

    @Inject
    RoomChats chats;

    @Inject
    IceServers iceServers;

    @Inject
    AfterCompletion afterCompletion;

    @Inject
    Clock clock;

    @Inject
    CreditsElsewhere elsewhere;

    public Arrival arrive(long webmasterId, long userId, long performerId) {
        Performer performer = em.find(Performer.class, performerId);
        if (performer == null || performer.webmasterId() != webmasterId) {
            throw new NotFound("no performer " + performerId);
        }
        ChatUser user = em.find(ChatUser.class, userId);
        if (user == null || user.webmasterId() != webmasterId) {
            throw new NotFound("no user " + userId);
        }
        if (user.isBannedAt(clock.instant())) {
            throw new DomainException("you are banned until " + user.bannedUntil());
        }
        Arrival.Part part;
        Room room;
        if (performer.user().id() == userId) {
            part = Arrival.Part.PERFORMER;
            room = live.room(performerId).orElse(null);
            if (room == null) {
                rooms.goOnline(webmasterId, userId);
                room = live.open(webmasterId, performerId, userId);
                afterCompletion.onRollback(() -> live.close(performerId));
            } else {
                rooms.connectionChanged(webmasterId, userId, performerId, true);
            }
        } else if (user.role() == Role.MODERATOR || user.role() == Role.ADMIN) {
            part = Arrival.Part.STAFF;
            room = roomOf(webmasterId, performerId);
            room.observe(userId);
            Room observed = room;
            afterCompletion.onRollback(() -> observed.unobserve(userId));
        } else {
            part = Arrival.Part.WATCHER;
            room = roomOf(webmasterId, performerId);
            if (room.inShow(userId)) {
                rooms.connectionChanged(webmasterId, userId, performerId, true);
            } else {
                rooms.enter(webmasterId, userId, performerId);
            }
        }
        Arrival.Show show = room.running()
                .filter(running -> part != Arrival.Part.WATCHER || running.userId() == userId)
                .map(running -> shown(running.showId()))
                .orElse(null);
        boolean seesWho = part != Arrival.Part.WATCHER;
        return new Arrival(
                part,
                performerId,
                performer.user().id(),
                performer.displayName(),
                performer.pricePerMinute(),
                live.statusOf(performerId),
                show,
                user.credits() + elsewhere.of(user.id()),
                user.available() + elsewhere.of(user.id()),
                seesWho ? people(room.watchers()) : List.of(),
                part == Arrival.Part.PERFORMER ? requests(room) : List.of(),
                chats.history(performerId),
                iceServers.forUser(webmasterId, userId));
    }

    private Arrival.Show shown(long showId) {
        PrivateShow show = em.find(PrivateShow.class, showId);
        Instant started = show.startedAt() == null ? clock.instant() : show.startedAt();
        return new Arrival.Show(
                showId,
                show.userId(),
                show.ratePerMinute(),
                show.graceSeconds(),
                show.rounding().name(),
                Math.max(0, Duration.between(started, clock.instant()).toSeconds()));
    }

    /** The user's last connection to the room closed. */
    public void depart(long webmasterId, long userId, long performerId) {
        Room room = live.room(performerId).orElse(null);
        if (room == null || room.webmasterId() != webmasterId) {
            return;
        }
        if (room.performerUserId() == userId || room.inShow(userId)) {
            rooms.connectionChanged(webmasterId, userId, performerId, false);
        } else if (room.unobserve(userId)) {
            return;
        } else if (room.isWatcher(userId)) {
            rooms.leave(webmasterId, userId, performerId);
        }
    }

    /** Watchers with their names, in one query however many there are. */
    private List<Arrival.Person> people(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return em
                .createQuery(
                        "SELECT u.id, u.username, u.role FROM ChatUser u WHERE u.id IN :ids ORDER BY u.username",
                        Object[].class)
                .setParameter("ids", List.copyOf(userIds))
                .getResultList()
                .stream()
                .map(row -> new Arrival.Person((Long) row[0], (String) row[1], (Role) row[2]))
                .toList();
    }

    private List<Arrival.Request> requests(Room room) {
        return room.requests().stream()
                .map(request -> {
                    PrivateShow show = em.find(PrivateShow.class, request.showId());
                    ChatUser asking = em.find(ChatUser.class, request.userId());
                    return new Arrival.Request(
                            request.showId(),
                            request.userId(),
                            asking.username(),
                            asking.role(),
                            show.ratePerMinute(),
                            request.requestedAt());
                })
                .toList();
    }

    private Room roomOf(long webmasterId, long performerId) {
        Room room = live.openRoom(performerId);
        if (room.webmasterId() != webmasterId) {
            throw new NotFound("no performer " + performerId);
        }
        return room;
    }
}
