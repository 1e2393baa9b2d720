package ppvchat.rooms.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * How many sockets each user has open to each room, so that only the last one closing leaves (every socket
 * arrives: each needs its welcome). Arrivals and departures of one user in one room never overlap: a quick
 * reconnect cannot be undone by the departure of the socket it replaced.
 */
@ApplicationScoped
public class RoomSeats {

    private record Seat(long webmasterId, long performerId, long userId) {}

    private static final int STRIPES = 256;

    private final ConcurrentMap<Seat, Integer> open = new ConcurrentHashMap<>();
    private final Object[] stripes = new Object[STRIPES];

    public RoomSeats() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /** Runs {@code arrival} for a new socket of the user in the room; undone if it fails. */
    public <T> T arrive(long webmasterId, long performerId, long userId, Supplier<T> arrival) {
        Seat seat = new Seat(webmasterId, performerId, userId);
        synchronized (stripe(seat)) {
            open.merge(seat, 1, Integer::sum);
            try {
                return arrival.get();
            } catch (RuntimeException e) {
                release(seat);
                throw e;
            }
        }
    }

    /** A socket of the user in the room closed; {@code departure} runs when it was their last. */
    public void depart(long webmasterId, long performerId, long userId, Runnable departure) {
        Seat seat = new Seat(webmasterId, performerId, userId);
        synchronized (stripe(seat)) {
            if (release(seat)) {
                departure.run();
            }
        }
    }

    /** True when no socket of the seat is left. */
    private boolean release(Seat seat) {
        return open.compute(seat, (s, count) -> count == null || count <= 1 ? null : count - 1) == null;
    }

    private Object stripe(Seat seat) {
        return stripes[Math.floorMod(seat.hashCode(), STRIPES)];
    }
}
