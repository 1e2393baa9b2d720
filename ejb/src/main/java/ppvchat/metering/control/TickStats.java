package ppvchat.metering.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;

/** The last hour of metering ticks: how long each took, how late it fired, how many shows it read. */
@ApplicationScoped
public class TickStats {

    private static final int KEPT = 3600;

    private final long[] durationMicros = new long[KEPT];
    private final long[] latenessMillis = new long[KEPT];
    private final int[] shows = new int[KEPT];
    private long ticks;

    public synchronized void record(long durationMicros, long latenessMillis, int shows) {
        int slot = (int) (ticks++ % KEPT);
        this.durationMicros[slot] = durationMicros;
        this.latenessMillis[slot] = latenessMillis;
        this.shows[slot] = shows;
    }

    /** Percentiles over the last {@code lastTicks} ticks (at most an hour). */
    public synchronized Summary summary(int lastTicks) {
        int count = (int) Math.min(Math.min(ticks, KEPT), lastTicks);
        long[] durations = new long[count];
        long[] lateness = new long[count];
        int maxShows = 0;
        for (int i = 0; i < count; i++) {
            int slot = (int) ((ticks - 1 - i) % KEPT);
            durations[i] = durationMicros[slot];
            lateness[i] = latenessMillis[slot];
            maxShows = Math.max(maxShows, shows[slot]);
        }
        Arrays.sort(durations);
        Arrays.sort(lateness);
        return new Summary(
                count,
                maxShows,
                percentile(durations, 50),
                percentile(durations, 99),
                percentile(durations, 100),
                percentile(lateness, 50),
                percentile(lateness, 99));
    }

    public synchronized long ticks() {
        return ticks;
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    public record Summary(
            int ticks,
            int maxShows,
            long durationMedianMicros,
            long durationP99Micros,
            long durationMaxMicros,
            long latenessMedianMillis,
            long latenessP99Millis) {}
}
