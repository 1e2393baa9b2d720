package ppvchat.realtime;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The threads that write to sockets: one lane per core, each socket always on the same lane. A large room's
 * broadcast is spread over every core instead of one, and whatever goes to one socket keeps its order,
 * the close after the last message included. The thread that caused a broadcast (a request, a transaction's
 * completion, the metering tick) only hands it over.
 */
@ApplicationScoped
public class Lanes {

    private static final Logger LOG = Logger.getLogger(Lanes.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    RealtimeSettings settings;

    private ExecutorService[] lanes;

    @PostConstruct
    void start() {
        lanes = new ExecutorService[settings.fanoutLanes()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = Executors.newSingleThreadExecutor(threads);
        }
    }

    @PreDestroy
    void stop() {
        for (ExecutorService lane : lanes) {
            lane.shutdownNow();
        }
    }

    /**
     * Runs the work for each connection of the audience on that connection's lane, a batch per lane. The work
     * is made (a message encoded, say) only when someone is in the audience.
     */
    public void each(
            Iterable<Connection> connections, Predicate<Connection> audience, Supplier<Consumer<Connection>> work) {
        List<List<Connection>> batches = new ArrayList<>(lanes.length);
        for (int i = 0; i < lanes.length; i++) {
            batches.add(new ArrayList<>());
        }
        boolean anyone = false;
        for (Connection connection : connections) {
            if (audience.test(connection)) {
                batches.get(laneOf(connection)).add(connection);
                anyone = true;
            }
        }
        if (!anyone) {
            return;
        }
        Consumer<Connection> each = work.get();
        for (int i = 0; i < lanes.length; i++) {
            List<Connection> batch = batches.get(i);
            if (!batch.isEmpty()) {
                run(i, () -> batch.forEach(each));
            }
        }
    }

    private void run(int lane, Runnable batch) {
        try {
            lanes[lane].execute(() -> {
                try {
                    batch.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a broadcast failed on its way out", e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            LOG.fine("the application is stopping; a broadcast is dropped");
        }
    }

    private int laneOf(Connection connection) {
        return Math.floorMod(System.identityHashCode(connection), lanes.length);
    }
}
