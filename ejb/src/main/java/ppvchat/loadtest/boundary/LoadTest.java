package ppvchat.loadtest.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ppvchat.loadtest.control.LoadTestSite;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.rooms.boundary.Rooms;
import ppvchat.rooms.entity.ShowStatus;

/**
 * Drives many private shows through the real rooms, for the metering benchmark and the crash test. Off
 * unless {@code ppv.loadtest.enabled} is true; it creates a separate synthetic webmaster each time.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LoadTest {

    private static final int CHUNK = 250;

    @Inject
    @ConfigProperty(name = "ppv.loadtest.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    LoadTestSite site;

    @Inject
    Rooms rooms;

    @PersistenceContext
    EntityManager em;

    @Resource
    ManagedExecutorService executor;

    public boolean enabled() {
        return enabled;
    }

    /** A new site with {@code count} performers, each in a private show with their own paying user. */
    public StartedShows startShows(int count, int ratePerMinute, long creditsEach) {
        requireEnabled();
        if (count < 1 || count > 20_000 || ratePerMinute < 1 || ratePerMinute > 6_000 || creditsEach < 1) {
            throw new DomainException("1-20000 shows, a rate of 1-6000 credits per minute, at least 1 credit each");
        }
        long began = System.nanoTime();
        long webmasterId = site.webmaster("Load test " + System.currentTimeMillis());
        List<Future<List<LoadTestSite.Pair>>> chunks = new ArrayList<>();
        for (int from = 0; from < count; from += CHUNK) {
            int start = from;
            int end = Math.min(count, from + CHUNK);
            chunks.add(executor.submit(() -> site.pairs(webmasterId, start, end, ratePerMinute, creditsEach)));
        }
        List<Future<?>> shows = new ArrayList<>();
        for (LoadTestSite.Pair pair : flatten(all(chunks))) {
            shows.add(executor.submit(() -> {
                rooms.goOnline(webmasterId, pair.performerUserId());
                long showId = rooms.requestPrivate(webmasterId, pair.userId(), pair.performerId());
                rooms.accept(webmasterId, pair.performerUserId(), showId);
            }));
        }
        all(shows);
        return new StartedShows(webmasterId, count, (System.nanoTime() - began) / 1_000_000);
    }

    /** Ends every running show of a load-test site, as its users leaving would. */
    public int endShows(long webmasterId) {
        requireEnabled();
        List<Object[]> running = em.createQuery(
                        "SELECT s.id, s.userId FROM PrivateShow s WHERE s.webmasterId = :w AND s.status = :running",
                        Object[].class)
                .setParameter("w", webmasterId)
                .setParameter("running", ShowStatus.RUNNING)
                .getResultList();
        List<Future<?>> ends = new ArrayList<>();
        for (Object[] show : running) {
            ends.add(executor.submit(() -> rooms.endShow(webmasterId, (Long) show[1], (Long) show[0])));
        }
        all(ends);
        return running.size();
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new NotFound("load tests are off (ppv.loadtest.enabled)");
        }
    }

    private static <T> List<T> all(List<? extends Future<? extends T>> futures) {
        List<T> results = new ArrayList<>();
        for (Future<? extends T> future : futures) {
            try {
                results.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("load test step failed", e.getCause());
            }
        }
        return results;
    }

    private static <T> List<T> flatten(List<List<T>> lists) {
        return lists.stream().flatMap(List::stream).toList();
    }
}
