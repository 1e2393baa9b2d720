package ppvchat.realtime;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place everything live goes out: to a room, to some of a room, to a user's sockets, to a wall.
 * Keyed by webmaster and performer (or user) ids, never by socket objects, so that a cluster can put a
 * topic of Payara's data grid behind {@link #toRoom} and friends without touching endpoints or
 * boundaries. A message for many is encoded once; each socket only queues the same string.
 */
@ApplicationScoped
public class Fanout {

    private static final Logger LOG = Logger.getLogger(Fanout.class.getName());

    private record UserKey(long webmasterId, long userId) {}

    private final ConcurrentMap<Connection.Where, Set<Connection>> places = new ConcurrentHashMap<>();
    private final ConcurrentMap<UserKey, Set<Connection>> users = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Integer> addresses = new ConcurrentHashMap<>();
    /** Per room, each watching user's number of sockets: the watcher count without walking the room. */
    private final ConcurrentMap<Connection.Where, ConcurrentMap<Long, Integer>> watching = new ConcurrentHashMap<>();

    @Inject
    Validator validator;

    @Inject
    RealtimeSettings settings;

    @Inject
    Lanes lanes;

    private WireFormat wire;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> idleSweep;

    @PostConstruct
    void start() {
        wire = new WireFormat(validator);
        idleSweep = scheduler.scheduleWithFixedDelay(this::closeIdle, 5, 5, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        idleSweep.cancel(false);
    }

    public WireFormat wire() {
        return wire;
    }

    public Connection register(Session session, SocketPrincipal principal, Connection.Where where) {
        Connection connection = new Connection(session, principal, where, settings);
        // Added inside compute, so that an unregister emptying the same set cannot orphan the new socket.
        places.compute(where, (w, set) -> added(set, connection));
        if (principal.who().signedIn()) {
            users.compute(userKey(connection), (k, set) -> added(set, connection));
        }
        addresses.merge(principal.address(), 1, Integer::sum);
        return connection;
    }

    /**
     * The connection entered its room as {@code part} (PERFORMER, STAFF or WATCHER); false when it ended
     * meanwhile, and then its departure is the caller's.
     */
    public boolean joined(Connection connection, String part) {
        synchronized (connection) {
            if (connection.isEnded()) {
                return false;
            }
            connection.joinedAs(part);
        }
        if (connection.isWatcher()) {
            watching.compute(connection.where(), (w, users) -> {
                ConcurrentMap<Long, Integer> counted = users == null ? new ConcurrentHashMap<>() : users;
                counted.merge(connection.userId(), 1, Integer::sum);
                return counted;
            });
        }
        return true;
    }

    public void unregister(Connection connection) {
        Connection.Where where = connection.where();
        if (connection.isWatcher()) {
            watching.computeIfPresent(where, (w, users) -> {
                users.computeIfPresent(connection.userId(), (user, count) -> count <= 1 ? null : count - 1);
                return users.isEmpty() ? null : users;
            });
        }
        places.computeIfPresent(where, (w, set) -> set.remove(connection) && set.isEmpty() ? null : set);
        users.computeIfPresent(userKey(connection), (k, set) -> set.remove(connection) && set.isEmpty() ? null : set);
        addresses.computeIfPresent(connection.address(), (a, count) -> count <= 1 ? null : count - 1);
    }

    public void toRoom(long webmasterId, long performerId, ServerMessage message) {
        toRoom(webmasterId, performerId, message, connection -> true);
    }

    public void toRoom(long webmasterId, long performerId, ServerMessage message, Predicate<Connection> audience) {
        deliver(places.get(new Connection.Where(webmasterId, performerId)), message, audience);
    }

    /** To every socket of the user, in any room and on the wall. */
    public void toUser(long webmasterId, long userId, ServerMessage message) {
        deliver(users.get(new UserKey(webmasterId, userId)), message, connection -> true);
    }

    /** To the user's sockets in one room. */
    public void toUserInRoom(long webmasterId, long performerId, long userId, ServerMessage message) {
        deliver(
                users.get(new UserKey(webmasterId, userId)),
                message,
                connection -> connection.where().performerId() == performerId);
    }

    public void toWall(long webmasterId, ServerMessage message) {
        deliver(places.get(Connection.Where.wall(webmasterId)), message, connection -> true);
    }

    /** Sends a last message to the user's sockets (in one room, or all when {@code performerId} is 0) and ends them. */
    public void endUser(long webmasterId, long userId, long performerId, ServerMessage last, int code, String reason) {
        Set<Connection> connections = users.get(new UserKey(webmasterId, userId));
        if (connections == null) {
            return;
        }
        lanes.each(
                connections,
                c -> !c.where().isWall() && (performerId == 0 || c.where().performerId() == performerId),
                () -> lastWords(last, code, reason));
    }

    /** Sends a last message to everyone in the room and ends their sockets: the room closed. */
    public void endRoom(long webmasterId, long performerId, ServerMessage last, int code, String reason) {
        Set<Connection> connections = places.get(new Connection.Where(webmasterId, performerId));
        if (connections == null) {
            return;
        }
        lanes.each(connections, connection -> true, () -> lastWords(last, code, reason));
    }

    /** The message to send before a close, encoded once, and the close after it. */
    private Consumer<Connection> lastWords(ServerMessage last, int code, String reason) {
        Outbound text = new Outbound(wire.encode(last));
        return connection -> {
            connection.send(text);
            connection.end(code, reason);
        };
    }

    /** One of the user's sockets in the room, if they have one on this server. */
    public Optional<Connection> connectionOf(long webmasterId, long performerId, long userId) {
        Set<Connection> connections = users.get(new UserKey(webmasterId, userId));
        if (connections == null) {
            return Optional.empty();
        }
        return connections.stream()
                .filter(connection -> connection.where().performerId() == performerId)
                .findFirst();
    }

    /** How many different users watch the room from this server. */
    public int watcherCount(long webmasterId, long performerId) {
        Map<Long, Integer> users = watching.get(new Connection.Where(webmasterId, performerId));
        return users == null ? 0 : users.size();
    }

    public int sessionsOf(long webmasterId, long userId) {
        Set<Connection> connections = users.get(new UserKey(webmasterId, userId));
        return connections == null ? 0 : connections.size();
    }

    public int sessionsFrom(String address) {
        Integer count = addresses.get(address);
        return count == null ? 0 : count;
    }

    public int sessions() {
        return places.values().stream().mapToInt(Set::size).sum();
    }

    private void deliver(Set<Connection> connections, ServerMessage message, Predicate<Connection> audience) {
        if (connections == null || connections.isEmpty()) {
            return;
        }
        lanes.each(connections, audience, () -> {
            Outbound text = new Outbound(wire.encode(message));
            return connection -> connection.send(text);
        });
    }

    /** Our own idle timeout: Tyrus's would re-arm a timer for every message sent. */
    private void closeIdle() {
        try {
            long now = System.nanoTime();
            long idle = TimeUnit.MILLISECONDS.toNanos(settings.idleTimeoutMillis());
            for (Set<Connection> connections : places.values()) {
                for (Connection connection : connections) {
                    if (connection.silentFor(idle, now)) {
                        connection.end(CloseCodes.IDLE, "idle: nothing heard for " + idle / 1_000_000_000 + " s");
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the idle sweep failed", e);
        }
    }

    private static Set<Connection> added(Set<Connection> set, Connection connection) {
        Set<Connection> into = set == null ? ConcurrentHashMap.newKeySet() : set;
        into.add(connection);
        return into;
    }

    private static UserKey userKey(Connection connection) {
        return new UserKey(connection.where().webmasterId(), connection.userId());
    }
}
