package ppvchat.rooms.control;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ppvchat.platform.entity.DomainException;

/**
 * One performer's open room in memory: who watches, who asked for a private show, and the show that
 * runs. Every method is synchronized on the room, so rooms never wait on each other.
 */
public final class Room {

    /** A private request waiting for the performer. */
    public record Request(long showId, long userId, Instant requestedAt) {}

    /** The private show running in the room. */
    public record Running(long showId, long userId) {}

    private final long webmasterId;
    private final long performerId;
    private final long performerUserId;
    private final Set<Long> watchers = new LinkedHashSet<>();
    private final Set<Long> staff = new LinkedHashSet<>();
    private final Map<Long, Request> requests = new HashMap<>();
    private final Map<Long, Instant> disconnectedSince = new HashMap<>();
    private Running running;

    Room(long webmasterId, long performerId, long performerUserId) {
        this.webmasterId = webmasterId;
        this.performerId = performerId;
        this.performerUserId = performerUserId;
    }

    public synchronized void enter(long userId) {
        if (running != null && running.userId() != userId) {
            throw new DomainException("the performer is in a private show");
        }
        watchers.add(userId);
        disconnectedSince.remove(userId);
    }

    /** A moderator or admin looks on: not a watcher, never ejected, not counted. */
    public synchronized void observe(long userId) {
        staff.add(userId);
    }

    public synchronized boolean unobserve(long userId) {
        return staff.remove(userId);
    }

    public synchronized boolean isObserver(long userId) {
        return staff.contains(userId);
    }

    public synchronized boolean isWatcher(long userId) {
        return watchers.contains(userId);
    }

    /** The user is one of the two sides of the running show. */
    public synchronized boolean inShow(long userId) {
        return running != null && (running.userId() == userId || performerUserId == userId);
    }

    public synchronized boolean leave(long userId) {
        disconnectedSince.remove(userId);
        return watchers.remove(userId);
    }

    public synchronized void addRequest(long showId, long userId, Instant now) {
        if (running != null) {
            throw new DomainException("the performer is in a private show");
        }
        requests.put(showId, new Request(showId, userId, now));
    }

    public synchronized Optional<Request> removeRequest(long showId) {
        return Optional.ofNullable(requests.remove(showId));
    }

    /** Requests older than {@code ttl}; they leave the room when their expiry is committed. */
    public synchronized List<Request> expiredRequests(Instant now, Duration ttl) {
        return requests.values().stream()
                .filter(request -> !request.requestedAt().plus(ttl).isAfter(now))
                .toList();
    }

    public synchronized void requireFree() {
        if (running != null) {
            throw new DomainException("the performer is already in a private show");
        }
    }

    /** The room goes private for one user: only they stay, and no other request waits. */
    public synchronized void startPrivate(long showId, long userId) {
        requireFree();
        running = new Running(showId, userId);
        watchers.clear();
        watchers.add(userId);
        requests.clear();
    }

    public synchronized void endPrivate(long showId) {
        if (running != null && running.showId() == showId) {
            running = null;
        }
    }

    /** Someone's connection dropped; a running show ends if they do not come back in time. */
    public synchronized void disconnected(long userId, Instant now) {
        disconnectedSince.putIfAbsent(userId, now);
    }

    public synchronized void reconnected(long userId) {
        disconnectedSince.remove(userId);
    }

    /**
     * Those whose connection dropped longer than {@code grace} ago and who are in no running show: to be
     * taken out of the room, each with {@link #stillGone} first.
     */
    public synchronized List<Long> lingering(Instant now, Duration grace) {
        return disconnectedSince.entrySet().stream()
                .filter(entry -> !entry.getValue().plus(grace).isAfter(now))
                .map(Map.Entry::getKey)
                .filter(userId -> running == null || (running.userId() != userId && performerUserId != userId))
                .toList();
    }

    /** True, once, when the user is still away (not reconnected meanwhile): their departure is taken. */
    public synchronized boolean stillGone(long userId) {
        return disconnectedSince.remove(userId) != null;
    }

    /** The running show, if one of its two sides has been gone longer than {@code grace}. */
    public synchronized Optional<Running> abandonedShow(Instant now, Duration grace) {
        if (running == null) {
            return Optional.empty();
        }
        for (long side : List.of(running.userId(), performerUserId)) {
            Instant since = disconnectedSince.get(side);
            if (since != null && !since.plus(grace).isAfter(now)) {
                return Optional.of(running);
            }
        }
        return Optional.empty();
    }

    public synchronized Optional<Running> running() {
        return Optional.ofNullable(running);
    }

    public synchronized boolean isBusy() {
        return running != null;
    }

    public synchronized List<Long> watchers() {
        return List.copyOf(watchers);
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests.values());
    }

    public long webmasterId() {
        return webmasterId;
    }

    public long performerId() {
        return performerId;
    }

    public long performerUserId() {
        return performerUserId;
    }
}
