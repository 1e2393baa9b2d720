package ppvchat.metering.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The meters of every show running in this JVM, each with its deadline armed at the instant its held
 * credits run out. One instance, no lock: a concurrent map that the tick reads every second. A CDI bean
 * rather than an EJB because transaction-completion callbacks add and remove meters, and no EJB may be
 * called there.
 */
@ApplicationScoped
public class Meters {

    private final ConcurrentMap<Long, MeteredShow> running = new ConcurrentHashMap<>();

    @Inject
    ShowDeadlines deadlines;

    public void add(MeteredShow show) {
        running.put(show.showId(), show);
        deadlines.arm(show);
    }

    /** The show's hold grew: it runs out later. */
    public void holdMore(MeteredShow show, long credits, long spareAfter) {
        show.meter().holdMore(credits, spareAfter);
        if (running.containsKey(show.showId())) {
            deadlines.arm(show);
        }
    }

    public Optional<MeteredShow> get(long showId) {
        return Optional.ofNullable(running.get(showId));
    }

    /** Takes the meter out, so that exactly one caller settles the show. */
    public Optional<MeteredShow> remove(long showId) {
        deadlines.disarm(showId);
        return Optional.ofNullable(running.remove(showId));
    }

    public Collection<MeteredShow> all() {
        return List.copyOf(running.values());
    }

    public int count() {
        return running.size();
    }
}
