package ppvchat.rooms.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ppvchat.metering.control.CreditMeter;
import ppvchat.metering.control.Meters;
import ppvchat.platform.entity.NotFound;
import ppvchat.rooms.control.LiveRooms;
import ppvchat.rooms.control.Room;

/**
 * A site's rooms right now, for the console's Live page: who is online or busy, who watches, and each running
 * show's meter with what the user has left. Read from memory only (the open rooms and the meters of this
 * server), so that a page asking every two seconds costs next to nothing; names are looked up apart, once.
 * Reading never moves a meter: the tick alone does.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class LiveOverview {

    /**
     * A running private show as its meter reads now.
     *
     * @param billedSeconds seconds billed so far (after the free seconds)
     * @param creditsSoFar what those seconds cost, charged when the show ends
     * @param remainingCredits the user's balance once that is charged
     * @param metered false when the show's meter is on another server: the figures are then unknown (0)
     */
    public record Show(
            long showId,
            long userId,
            int ratePerMinute,
            long billedSeconds,
            long creditsSoFar,
            long remainingCredits,
            boolean metered) {}

    /** An open room: its performer, ONLINE or BUSY, its watchers (ids), waiting requests, and its show if any. */
    public record LiveRoom(long performerId, String status, List<Long> watchers, int requests, Show show) {

        public int watcherCount() {
            return watchers.size();
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    LiveRooms rooms;

    @Inject
    Meters meters;

    @Inject
    Clock clock;

    /** The site's open rooms, busy ones first, then by performer. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<LiveRoom> now(long webmasterId) {
        Instant now = clock.instant();
        return rooms.all().stream()
                .filter(room -> room.webmasterId() == webmasterId)
                .map(room -> liveRoom(room, now))
                .sorted(Comparator.comparing((LiveRoom room) -> room.show() == null)
                        .thenComparing(LiveRoom::performerId))
                .toList();
    }

    /** One running show of the site as its meter reads now, if it runs on this server. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Show show(long webmasterId, long showId) {
        return now(webmasterId).stream()
                .map(LiveRoom::show)
                .filter(show -> show != null && show.showId() == showId)
                .findFirst()
                .orElseThrow(() -> new NotFound("no running show " + showId));
    }

    /** Display names of the site's performers among {@code performerIds}; others are left out. */
    public Map<Long, String> performerNames(long webmasterId, Collection<Long> performerIds) {
        if (performerIds.isEmpty()) {
            return Map.of();
        }
        return names(
                "SELECT p.id, p.displayName FROM Performer p WHERE p.webmasterId = :w AND p.id IN :ids",
                webmasterId,
                performerIds);
    }

    /** Usernames of the site's users among {@code userIds}; others are left out. */
    public Map<Long, String> userNames(long webmasterId, Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return names(
                "SELECT u.id, u.username FROM ChatUser u WHERE u.webmasterId = :w AND u.id IN :ids",
                webmasterId,
                userIds);
    }

    private Map<Long, String> names(String jpql, long webmasterId, Collection<Long> ids) {
        return em.createQuery(jpql, Object[].class)
                .setParameter("w", webmasterId)
                .setParameter("ids", List.copyOf(ids))
                .getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (String) row[1], (a, b) -> a));
    }

    private LiveRoom liveRoom(Room room, Instant now) {
        Show show = room.running().map(running -> show(running, now)).orElse(null);
        return new LiveRoom(
                room.performerId(),
                show == null ? "ONLINE" : "BUSY",
                room.watchers(),
                room.requests().size(),
                show);
    }

    private Show show(Room.Running running, Instant now) {
        return meters.get(running.showId())
                .map(metered -> {
                    CreditMeter meter = metered.meter();
                    long billed = Math.max(meter.billedSeconds(), meter.billableAt(now));
                    long owed = Math.min(meter.creditsFor(billed), meter.heldCredits());
                    long balance = meter.heldCredits() + meter.spareCredits();
                    return new Show(
                            running.showId(),
                            running.userId(),
                            meter.ratePerMinute(),
                            billed,
                            owed,
                            balance - owed,
                            true);
                })
                .orElseGet(() -> new Show(running.showId(), running.userId(), 0, 0, 0, 0, false));
    }
}
