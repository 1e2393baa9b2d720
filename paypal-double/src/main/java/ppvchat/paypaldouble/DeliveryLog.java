package ppvchat.paypaldouble;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ppvchat.paypaldouble.PaypalDouble.Delivery;

/** Every webhook delivery attempt, automatic or by hand, so tests can wait for and inspect them. */
final class DeliveryLog {

    private final List<Delivery> deliveries = new ArrayList<>();
    private final Map<String, Integer> attemptsStarted = new HashMap<>();

    /** Numbers attempts per event in the order they start (1, 2, 3…). */
    synchronized int nextAttempt(String eventId) {
        return attemptsStarted.merge(eventId, 1, Integer::sum);
    }

    synchronized void record(Delivery delivery) {
        deliveries.add(delivery);
        notifyAll();
    }

    synchronized List<Delivery> all() {
        return List.copyOf(deliveries);
    }

    /** Waits until at least count attempts for the event have finished; fails like an assertion otherwise. */
    synchronized void await(String eventId, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (finished(eventId) < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Expected " + count + " deliveries of " + eventId + " within " + timeout
                        + " but saw " + finished(eventId) + ": " + ofEvent(eventId));
            }
            try {
                long millis = Math.max(1, left / 1_000_000);
                wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for deliveries of " + eventId, e);
            }
        }
    }

    private int finished(String eventId) {
        return ofEvent(eventId).size();
    }

    private List<Delivery> ofEvent(String eventId) {
        List<Delivery> matching = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            if (delivery.eventId().equals(eventId)) {
                matching.add(delivery);
            }
        }
        return matching;
    }
}
